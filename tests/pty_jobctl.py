#!/usr/bin/env python3
"""Drive an interactive shell through a pseudo-terminal: start `cat` in it,
stop it with Ctrl-Z, bring it back with fg, feed it a line, end it with
Ctrl-D, and exit the shell.  Usage: pty_jobctl.py COMMAND... (the shell,
possibly under ttlua).  Prints what it saw, one step a line; exits 0 when
every step happened."""
import os
import pty
import select
import sys
import time

PROMPT = b"PROMPT> "


def main():
    env = dict(os.environ, PS1=PROMPT.decode(), TERM="dumb")
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(sys.argv[1], sys.argv[1:], env)
    seen = b""

    def expect(what, timeout=20):
        nonlocal seen
        deadline = time.time() + timeout
        while what not in seen:
            left = deadline - time.time()
            if left <= 0:
                print("timeout waiting for %r; got %r" % (what, seen[-300:]))
                sys.exit(1)
            r, _, _ = select.select([fd], [], [], left)
            if r:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    data = b""
                if not data:
                    print("EOF waiting for %r; got %r" % (what, seen[-300:]))
                    sys.exit(1)
                seen += data
        seen = seen[seen.index(what) + len(what):]

    expect(PROMPT)
    os.write(fd, b"cat\n")
    os.write(fd, b"one\n")
    expect(b"one\r\none\r\n")
    print("cat echoes")
    os.write(fd, b"\x1a")  # Ctrl-Z
    expect(b"Stopped")
    expect(PROMPT)
    print("stopped")
    os.write(fd, b"jobs\n")
    expect(b"Stopped")
    expect(PROMPT)
    os.write(fd, b"fg\n")
    expect(b"cat\r\n")
    os.write(fd, b"two\n")
    expect(b"two\r\ntwo\r\n")
    print("continued")
    os.write(fd, b"\x04")  # Ctrl-D: cat ends
    expect(PROMPT)
    os.write(fd, b"exit 7\n")
    while True:
        try:
            if not os.read(fd, 4096):
                break
        except OSError:
            break
    _, status = os.waitpid(pid, 0)
    print("exit", os.waitstatus_to_exitcode(status))


main()
