package io.shardline.query.parse;

/** One scanned token with its zero-based position and literal text. */
record Lexeme(Token tok, int line, int ch, String lit) {
}
