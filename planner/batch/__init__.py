"""Many profiles at once: inputs, worker pool, report, progress bar, cohort summary."""
