"""An editor uses the admin in a real browser: sign in, fix an answer, see the chat use it,
roll it back, import an Excel CSV, read the unanswered-questions report with its chart."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import screenshot
from csp_watch import assert_no_csp_violations, watch_csp
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.integration, pytest.mark.slow, pytest.mark.timeout(300)]
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "hikarino-editor-2026"
# The promise: the chat uses a saved answer within 2 seconds (more on a loaded CI machine).
# The index rebuild is CPU-bound: on a machine busier than its cores, the limit grows with the load.
LIVE_WITHIN_S = float(os.environ.get("MADOGUCHI_E2E_LIVE_WITHIN_S", "2.0")) * max(
    1.0, os.getloadavg()[0] / (os.cpu_count() or 1))
expect.set_options(timeout=20_000)
QUESTION = "燃えるごみは何曜日？"
ENTRY = "gomi-moyasu-shushubi"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ready(url: str) -> bool:
    try:
        return httpx.get(url + "/readyz", timeout=1.0).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("admin-e2e") / "data"


@pytest.fixture(scope="module")
def app_url(data_dir: Path) -> Iterator[str]:
    """The app alone (no Rasa: the chat answers from the index) on a copy of the sample city."""
    base = data_dir.parent
    shutil.copytree(ROOT / "data", base / "data", ignore=shutil.ignore_patterns("eval"))
    port = _free_port()
    env = {**os.environ, "MADOGUCHI_DATA_DIR": str(base / "data"), "MADOGUCHI_VAR_DIR": str(base / "var"),
           "MADOGUCHI_MODELS_DIR": str(base / "var" / "models"), "MADOGUCHI_RASA_URL": "http://127.0.0.1:9",
           "MADOGUCHI_PORT": str(port)}
    subprocess.run([sys.executable, "-c", "from app.cli import main; main()", "admin", "create-user", "yamada",
                    "--role", "editor", "--password-stdin"], input=PASSWORD + "\n", text=True, env=env, cwd=ROOT,
                   check=True, capture_output=True)
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory",
                               "--host", "127.0.0.1", "--port", str(port)], env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not _ready(url):
            assert time.monotonic() < deadline and server.poll() is None, "the app did not start"
            time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=15)


@pytest.fixture
def admin(browser: Browser, app_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP", base_url=app_url)
    context.set_default_timeout(20_000)
    violations = watch_csp(context)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    yield page
    context.close()
    assert_no_csp_violations(violations)


def chat_answer(page: Page, text: str) -> str:
    reply = page.request.post("/api/chat", data={"session_id": "e2e-admin", "text": text})
    return "\n".join(m["text"] for m in reply.json()["messages"])


def sign_in(page: Page) -> None:
    page.goto("/admin")
    expect(page.get_by_role("heading", name="AI窓口 管理画面")).to_be_visible()
    screenshot(page, "admin-01-sign-in")
    page.get_by_label("ユーザー名").fill("yamada")
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="サインイン").click()
    expect(page.get_by_role("heading", name="FAQ（よくある質問）")).to_be_visible()


def test_editor_fixes_an_answer_sees_it_in_the_chat_and_rolls_it_back(admin: Page) -> None:
    chat_answer(admin, QUESTION)  # the chat's first turn loads its language models; not part of the edit
    sign_in(admin)
    admin.get_by_label("言葉でさがす").fill("燃やすごみ")
    admin.get_by_role("button", name="さがす").click()
    admin.locator("#try-q").fill(QUESTION)
    admin.get_by_role("button", name="試す").click()
    expect(admin.locator("#try-result .decision")).to_have_text("回答します")
    screenshot(admin, "admin-02-faq-list-and-try")
    admin.get_by_role("link", name="燃やすごみの収集日はいつですか？").first.click()
    answer = admin.get_by_label("回答")
    original = answer.input_value()
    answer.fill(original + "\n年末年始は12月31日から1月3日まで収集しません。")
    expect(admin.locator("#check-state")).to_have_text("確認しました：保存できます")
    started = time.monotonic()
    admin.get_by_role("button", name="保存してチャットに反映").click()
    expect(admin.locator("#message")).to_contain_text("保存しました")
    assert "12月31日から1月3日" in chat_answer(admin, QUESTION)
    elapsed = time.monotonic() - started
    assert elapsed < LIVE_WITHIN_S, f"the chat used the new answer only after {elapsed:.1f}s"
    admin.wait_for_load_state("networkidle")
    admin.locator("#history details").first.click()
    screenshot(admin, "admin-03-edit-with-history")

    admin.get_by_role("button", name="この変更の前に戻す").first.click()
    expect(admin.locator("#message")).to_contain_text("保存しました")
    assert "12月31日から1月3日" not in chat_answer(admin, QUESTION)
    expect(admin.get_by_label("回答")).to_have_value(original.strip() + "\n")


def test_inline_validation_shows_the_problem_before_saving(admin: Page) -> None:
    sign_in(admin)
    admin.goto(f"/admin/faq/{ENTRY}")
    admin.get_by_label("更新日").fill("2026/4/1")
    expect(admin.locator('.problem[data-for="updated"]')).to_contain_text("YYYY-MM-DD")
    screenshot(admin, "admin-04-inline-validation")


def test_editor_imports_an_excel_csv_after_a_preview(admin: Page, tmp_path: Path) -> None:
    sign_in(admin)
    exported = admin.request.get("/api/admin/export.csv").body().decode("utf-8-sig")
    edited = exported.replace("祝日も通常どおり収集します", "祝日も収集します（CSV で更新）", 1)
    assert edited != exported
    csv_path = tmp_path / "faq_excel.csv"
    csv_path.write_bytes(edited.encode("cp932", errors="replace"))  # Excel's "CSV (カンマ区切り)"; ㎥ is lost
    admin.get_by_role("link", name="CSV（Excel）").click()
    admin.get_by_label("CSV ファイル").set_input_files(str(csv_path))
    admin.get_by_role("button", name="変更内容を確認する").click()
    expect(admin.locator("#preview")).to_contain_text("変更")
    expect(admin.locator("#preview .act-update").first).to_be_visible()
    screenshot(admin, "admin-05-csv-preview")
    admin.get_by_role("button", name="この内容で取り込む").click()
    expect(admin.locator("#message")).to_contain_text("取り込みました")
    assert "CSV で更新" in chat_answer(admin, QUESTION)


def test_reports_show_unanswered_questions_with_a_chart(admin: Page) -> None:
    for text in ("宇宙ステーションへの転出届", "宇宙ステーションに転出するときの届け", "月面の土地の固定資産税"):
        chat_answer(admin, text)
    sign_in(admin)
    admin.get_by_role("link", name="利用状況レポート").click()
    unanswered = admin.locator("#unanswered")
    expect(unanswered.locator("svg")).to_be_visible()
    expect(unanswered).to_contain_text("宇宙ステーション")
    expect(unanswered.get_by_role("link", name="この質問の FAQ を作る").first).to_be_visible()
    screenshot(admin, "admin-06-reports")
    admin.set_viewport_size({"width": 1280, "height": 2200})
    screenshot(admin, "admin-07-reports-full")
    admin.get_by_label("期間").select_option("7")  # submits on change (admin.js: no inline handler under the CSP)
    expect(admin).to_have_url(re.compile(r"days=7"))
    unanswered.get_by_role("link", name="この質問の FAQ を作る").first.click()
    expect(admin.get_by_label("質問（住民に見せる正式な質問文）")).to_have_value(re.compile("宇宙ステーション"))


def test_a_broken_file_edited_by_hand_is_reported_with_file_and_line(admin: Page, data_dir: Path) -> None:
    sign_in(admin)
    path = data_dir / "faq" / "inkan.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("entries:", "entries:\n  - id: [broken", 1), encoding="utf-8")
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not admin.locator("#data-errors").count():
            time.sleep(0.5)
            admin.reload()
        expect(admin.locator("#data-errors")).to_contain_text("faq/inkan.yaml:")
        screenshot(admin, "admin-08-broken-file")
        assert "燃やすごみ" in chat_answer(admin, QUESTION)  # the last good index still answers
    finally:
        path.write_text(good, encoding="utf-8")
