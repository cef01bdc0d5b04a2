package dev.vigil.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fixed facts of the lab cloud (see lab/README.md) and where the lab scripts are. */
final class Lab {
    static final String AUTH_URL = "http://127.0.0.1:5000/v3";
    static final String DOMAIN = "Default";

    private Lab() {
    }

    /** The repository's lab/ folder: failsafe runs with cwd = lab/, an IDE maybe with cwd = repo root. */
    static Path dir() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p : List.of(cwd, cwd.resolve("lab"))) {
            if (Files.isExecutable(p.resolve("upgrade")) && Files.isExecutable(p.resolve("up"))) {
                return p;
            }
        }
        throw new IllegalStateException("lab/ folder with the scripts not found from " + cwd);
    }

    /** Password of a cloud in lab/clouds.yaml (written by lab/up); falls back to LAB_PASSWORD or "secret". */
    static String password(String cloud) {
        Path yaml = dir().resolve("clouds.yaml");
        if (Files.exists(yaml)) {
            try {
                boolean inCloud = false;
                for (String line : Files.readAllLines(yaml)) {
                    if (line.matches("^  \\S.*:\\s*$")) {
                        inCloud = line.trim().equals(cloud + ":");
                    } else if (inCloud && line.trim().startsWith("password:")) {
                        return line.trim().substring("password:".length()).trim();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        String env = System.getenv("LAB_PASSWORD");
        return env != null ? env : "secret";
    }
}
