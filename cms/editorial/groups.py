"""The names of the editorial groups (what each may do is cms/editorial/roles.py).

A module of names only: page types and offering rules ask who is a clinic's
manager without importing the setup of the roles, which imports the page types.
"""

EDITORS = "Editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
CLINIC_MANAGERS_PREFIX = "Clinic managers: "
