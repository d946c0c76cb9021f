"""Runs a command in a real pseudo-terminal and plays a script against it, as an operator would:
wait until the screen shows some text, then type. Prints one JSON object: the exit code and
everything the terminal showed. Used by test/e2e/pty.test.ts and test/e2e/table-width.test.ts.

usage: terminal_driver.py SCRIPT_JSON [--size COLSxROWS] -- COMMAND...
SCRIPT_JSON: [{"expect": "text"}, {"send": "650\\r"}, ...]
--size: the terminal's size, as the command reads it (its stdout's columns and rows); without it
the terminal reports none (0x0), and the command falls back to its default.
"""
import fcntl, json, os, pty, select, struct, sys, termios, time

def main():
    sep = sys.argv.index('--')
    steps = json.loads(sys.argv[1])
    size = None
    if '--size' in sys.argv[2:sep]:
        size = [int(n) for n in sys.argv[sys.argv.index('--size') + 1].split('x')]
    cmd = sys.argv[sep + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        # Set in the child before the command starts, so that it reads the size at once.
        if size:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', size[1], size[0], 0, 0))
        os.execvp(cmd[0], cmd)
    seen = b''
    def read_for(seconds):
        nonlocal seen
        end = time.time() + seconds
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    return False
                if not data:
                    return False
                seen += data
        return True
    failed = None
    for step in steps:
        if 'expect' in step:
            want = step['expect'].encode()
            deadline = time.time() + step.get('timeout', 15)
            start = len(seen) if step.get('fresh') else 0
            while want not in seen[start:] and time.time() < deadline:
                if not read_for(0.05):
                    break
            if want not in seen[start:]:
                failed = 'never saw: ' + step['expect']
                break
        elif 'send' in step:
            time.sleep(step.get('delay', 0.15))
            os.write(fd, step['send'].encode())
    # Drain until the process ends.
    deadline = time.time() + 15
    status = None
    while time.time() < deadline:
        read_for(0.05)
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            break
    read_for(0.1)
    if status is None:
        os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
        failed = failed or 'timed out'
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({'code': code, 'screen': seen.decode('utf8', 'replace'), 'failed': failed}))

main()
