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
 * Errors Jetty answers before a request reaches the application (a malformed URL, oversized headers, the limits of
 * {@link ServerLimits}) in the same JSON shape as every other error, never an HTML page or a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    String body = JsonText.object().add("error", JsonText.object().add("status", code)
        .add("code", code(code))
        .add("message", message == null || message.isBlank() ? "the request cannot be handled" : message))
        .build().toString();
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  private static String code(int status) {
    return switch (status) {
      case 404 -> ErrorCodes.NOT_FOUND;
      case 408 -> ErrorCodes.BODY_TOO_SLOW;
      case 413 -> ErrorCodes.BODY_TOO_LARGE;
      case 431 -> ErrorCodes.HEADERS_TOO_LARGE;
      case 503 -> ErrorCodes.BOARD_BUSY;
      default -> status == 400 ? ErrorCodes.BAD_REQUEST : ErrorCodes.HTTP_ERROR;
    };
  }
}
