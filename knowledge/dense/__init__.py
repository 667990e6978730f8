"""Dense (embedding) retrieval: sentence-transformers models installed from local folders + faiss.

Optional: without an installed model madoguchi searches lexically only. Nothing here is
imported at start-up unless a model is configured, and nothing is ever downloaded.
"""
