"""The counter tablet (/counter): a face-to-face translation screen for staff and residents.

Static files (HTML, CSS, vanilla JS; no build step) live in ``static/``; the
screen's strings in ``strings.yaml``; the interpreter service in data/counter.yaml.
"""
