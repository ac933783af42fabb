"""The terminal questionnaire: prompts, placement quiz, saving the profile and plan."""
