"""Stage 1: the learner's profile: questions, YAML source, validation, schema, starter."""
