import json

import structlog

from brain.logs import configure_logging


def test_a_log_line_is_one_json_object_with_the_conventional_fields_first(capsys):
    configure_logging("info")
    try:
        structlog.get_logger("test").info("call", method="/x/Y", status="OK")
        structlog.get_logger("test").debug("dropped below the level")
    finally:
        structlog.reset_defaults()

    [line] = capsys.readouterr().out.splitlines()
    entry = json.loads(line)
    assert list(entry)[:5] == ["time", "level", "service", "pid", "msg"]
    assert (entry["level"], entry["service"], entry["msg"], entry["status"]) == ("info", "brain", "call", "OK")
