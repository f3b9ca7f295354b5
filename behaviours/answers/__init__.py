"""The questions pages ask: look-up, search, case discussion, link parameters, and each page's plan_*."""
