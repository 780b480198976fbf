"""Digital signatures on the letters (PAdES, with pyHanko): the signers (a PKCS#12 file or a
PKCS#11 token such as a SITHS card) behind one small interface, the letters' signature fields,
verification of any signed PDF, and self-made test certificates.

Nothing here imports Qt or reportlab, and importing this package imports nothing heavy: each
module imports pyHanko when it is used, so the CLI and the GUI stay quick to start.
"""
