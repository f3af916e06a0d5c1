"""Publishing to CMS targets: WordPress REST and MetaWeblog XML-RPC clients, secrets, discovery.

No Qt and no database here: the services in ``editor.services`` drive these clients.
"""
