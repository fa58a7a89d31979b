"""pytest-lsp fixtures: a real LSP client driving the built `triage lsp`."""
import os
import pathlib
import shutil
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
TRIAGE = os.environ.get("TRIAGE", str(ROOT / ".build" / "debug" / "triage"))

COMMON = """signal urgent "Now"
entity order_id "order number" = /\\b\\d{3}-\\d{7}-\\d{7}\\b/ as order_id
define late = words { late delayed }
category other "Other" { playbook general }
playbook general { step chat "Ask us." }
"""

DELIVERY = """# Délais — café ☕ before the rules
category delivery.late "Late delivery" {
  playbook late_delivery
  description "The parcel is late"
}
rule parcel_is_late -> delivery.late {
  when late
}
rule hurry -> signal urgent {
  when words { asap }
}
playbook late_delivery "Late" {
  needs order_id "the order number"
  step chat "Ask about {order_id|your order}." when urgent
}
"""


@pytest.fixture
def pack(tmp_path):
    """A two-file pack in a temporary directory."""
    (tmp_path / "common.rules").write_text(COMMON, encoding="utf-8")
    (tmp_path / "delivery.rules").write_text(DELIVERY, encoding="utf-8")
    return tmp_path.resolve()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[TRIAGE, "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    )
    yield
    await lsp_client.shutdown_session()
