"""Stage 3: the rules engine and scheduler: profile + catalog + today -> Plan."""
