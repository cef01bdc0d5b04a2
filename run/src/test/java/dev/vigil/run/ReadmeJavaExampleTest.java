package dev.vigil.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "From Java" example, compiled as written against this module's classpath alone (no
 * CLI jar on it): what a user gets from the {@code vigil-run} Maven dependency.
 */
class ReadmeJavaExampleTest {

  @TempDir Path out;

  static String example() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher section = Pattern.compile("(?s)## From Java\\n(.*?)\\n## ").matcher(readme);
    assertThat(section.find()).as("README.md has a 'From Java' section").isTrue();
    Matcher code = Pattern.compile("(?s)```java\\n(.*?)```").matcher(section.group(1));
    assertThat(code.find()).as("the 'From Java' section has a java block").isTrue();
    return code.group(1);
  }

  @Test
  void theReadmeExampleCompilesAgainstTheRunModuleWithoutTheCli() throws Exception {
    String body = example();
    String source = "import dev.vigil.run.*;\nimport java.nio.file.Path;\nimport java.time.Duration;\n"
        + "class ReadmeExample {\n  static void main() throws Exception {\n" + body + "\n  }\n}\n";
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///ReadmeExample.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    String classpath = System.getProperty("java.class.path");
    assertThat(classpath).as("the CLI is not on this module's classpath").doesNotContain("vigil-cli").doesNotContain("picocli");
    boolean ok = javac.getTask(errors, null, null, List.of("-classpath", classpath, "-d", out.toString(), "-proc:none"), null, List.of(file)).call();
    assertThat(ok).as(errors + "\n" + source).isTrue();
    assertThat(out.resolve("ReadmeExample.class")).isRegularFile();
  }

  @Test
  void theReadmeNamesTheDependencyAUserAdds() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains("<artifactId>vigil-run</artifactId>");
  }
}
