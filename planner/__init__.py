"""studyplan: a personal week-by-week study plan for becoming an LLM engineer."""

__version__ = "0.1.0"
