"""Storage: the only package that touches SQLite. Never imports Textual."""
