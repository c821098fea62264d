"""A Dutch terminal tutor about ketamine, NMDA receptors and neuroplasticity."""

__version__ = "0.1.0"
