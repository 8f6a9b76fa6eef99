/**
 * The bulletin board's HTTP API for every program that talks to a board: {@link org.evote.board.client.ApiPaths}
 * (the paths, which the server registers its routes with too), {@link org.evote.board.client.BoardClient} (a typed
 * client) and {@link org.evote.board.client.BoardAdmin} (the administrator actions). A failed request is a
 * {@link org.evote.board.client.BoardRefusedException} (refused: do not retry) or a
 * {@link org.evote.board.client.BoardUnavailableException} (unreachable or failed: retry later). Depends on the
 * {@code crypto} library only.
 */
package org.evote.board.client;
