"""Take-home and interchange files: handouts, Moodle GIFT quizzes, saved questions.

Plain data in, text out, like `tutor.content`. Never imports Textual.
"""
