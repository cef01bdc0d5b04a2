package dev.vigil.flow;

import java.util.Map;

/**
 * A rendered request, ready to send.
 *
 * @param headers besides the token, which the interpreter adds (it never appears here, nor in any
 *     record)
 * @param body bytes to send, or null
 */
public record FlowRequest(String method, String url, Map<String, String> headers, byte[] body) {}
