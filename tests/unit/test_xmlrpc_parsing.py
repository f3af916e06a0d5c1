"""XML-RPC answers are parsed by defusedxml: hostile XML is refused, faults become clear errors."""

from __future__ import annotations

import pytest

from editor.publish.errors import AuthError, CapabilityError, EndpointError, MalformedResponse
from editor.publish.metaweblog import parse_xmlrpc

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<methodResponse><params><param><value><string>&lol2;</string></value></param></params>
</methodResponse>"""

FAULT = b"""<?xml version="1.0"?><methodResponse><fault><value><struct>
<member><name>faultCode</name><value><int>%d</int></value></member>
<member><name>faultString</name><value><string>%s</string></value></member>
</struct></value></fault></methodResponse>"""


def test_a_plain_answer_is_read():
    ok = (b"<?xml version='1.0'?><methodResponse><params><param><value><int>42</int></value>"
          b"</param></params></methodResponse>")  # fmt: skip
    assert parse_xmlrpc("step", ok) == 42


def test_entity_expansion_is_refused():
    with pytest.raises(MalformedResponse, match="step: the answer is not valid XML-RPC"):
        parse_xmlrpc("step", LAUGHS)


@pytest.mark.parametrize(("code", "error"), [(403, AuthError), (401, CapabilityError)])
def test_faults_map_to_errors_naming_the_step(code, error):
    with pytest.raises(error, match=r"^creating the post: .*Nope"):
        parse_xmlrpc("creating the post", FAULT % (code, b"Nope"))


def test_a_web_page_instead_of_xml_rpc_says_so():
    with pytest.raises(EndpointError, match="web page"):
        parse_xmlrpc("step", b"<!DOCTYPE html><html><body>Hello</body></html>")
