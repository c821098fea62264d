"""Content: models, loading and linting of lessons and quizzes. Never imports Textual."""
