"""The home screen: town profile and the list of assessments."""
