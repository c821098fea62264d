"""Take-home and interchange files: handouts, Moodle GIFT quizzes, saved questions.

Plain data in, text out, like `tutor.core.content`. Never imports Textual.
"""
