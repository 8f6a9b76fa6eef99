/**
 * Bulletin-board server: accepts signed encrypted ballots from kiosks, keeps the hash chain, serves the board. Built on the {@code crypto} module; the full program arrives with its own issue.
 */
package org.evote.server;
