"""Reusable widgets: safety line, evidence badge, question views, diagrams."""
