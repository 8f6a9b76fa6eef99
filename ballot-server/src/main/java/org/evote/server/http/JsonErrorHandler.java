package org.evote.server.http;

import org.evote.board.client.ErrorCodes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.evote.crypto.json.JsonText;

/**
 * Errors Jetty answers before a request reaches the application (a malformed URL, oversized headers) in the same
 * JSON shape as every other error, never an HTML page or a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    String body = JsonText.object().add("error", JsonText.object().add("status", code)
        .add("code", code == 431 ? ErrorCodes.HEADERS_TOO_LARGE : code == 404 ? ErrorCodes.NOT_FOUND
            : ErrorCodes.BAD_REQUEST)
        .add("message", message == null || message.isBlank() ? "the request cannot be handled" : message))
        .build().toString();
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
