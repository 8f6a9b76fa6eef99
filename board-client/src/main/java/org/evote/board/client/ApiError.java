package org.evote.board.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * The board's JSON error body (docs/api.md, "Errors"): {@code {"error": {"status", "code", "message", "field"?}}}.
 * Programs decide by {@link #code} (stable, one of {@link ErrorCodes}); {@link #message} is for people.
 *
 * @param status the HTTP status of the answer
 * @param code the API error code; {@code http_<status>} if the answer had no error body
 * @param message what the board said, for people
 * @param field the offending JSON field, when one is to blame
 */
public record ApiError(int status, String code, String message, Optional<String> field) {
  public ApiError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(field, "field");
  }

  /** True if this is the error with this code (see {@link ErrorCodes}). */
  public boolean is(String errorCode) {
    return code.equals(errorCode);
  }

  /**
   * The error of an answer with this status and JSON body: its {@code error} object, or — if it has none — code
   * {@code http_<status>} with the whole body as the message. A member of the wrong type throws
   * {@link ClassCastException}.
   */
  static ApiError decode(int status, JsonObject body) {
    JsonValue value = body.get("error");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return new ApiError(status, "http_" + status, body.toString(), Optional.empty());
    }
    JsonObject error = value.asJsonObject();
    JsonValue field = error.get("field");
    return new ApiError(status, error.getString("code", "unknown"), error.getString("message", ""),
        field instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty());
  }

  @Override
  public String toString() {
    return status + " " + code + ": " + message;
  }
}
