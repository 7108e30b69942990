"""Reading inputs and writing outputs without ever destroying what the user has.

Every file argmap reads or writes goes through this module:

- :func:`read_input` reads only regular files, up to a size limit, and
  never blocks on a pipe or reads a device such as ``/dev/zero`` forever;
- :func:`write_output` replaces a regular file atomically (a temporary
  file and a rename, so a failure never leaves a truncated file), writes
  straight into a character device or a pipe (``/dev/null``, ``/dev/full``,
  a FIFO, ``/dev/stdout``; ``-`` is standard output) instead of replacing
  it, follows a symbolic link to the file it names, and refuses to write
  onto one of the command's inputs, onto a read-only file, a directory, a
  block device or a socket;
- :func:`decode_utf8` turns bytes into text with a located error.

Messages are in the language in force (:func:`argmap.i18n.using`); the
reason the system gives for a failure (``No space left on device``) is said
in that language too, through :func:`os_reason`.

This module imports nothing from argmap but :mod:`argmap.errors` and
:mod:`argmap.i18n`, so every layer may use it.

>>> import os, tempfile
>>> d = tempfile.mkdtemp()
>>> path = os.path.join(d, "m.argmap.yaml")
>>> write_output(path, b"argmap: 1\\n")
>>> read_input(path)
b'argmap: 1\\n'
>>> try:
...     write_output(path, b"<svg/>", inputs=[path])
... except OutputError as exc:
...     print(str(exc).replace(d, "D"))
D/m.argmap.yaml: is an input of this command; it is not replaced (choose another output name)
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable

from argmap.errors import ArgmapError, ArgmapException, Location, Problem
from argmap.i18n import N_, _

__all__ = [
    "DEFAULT_MAX_BYTES",
    "OutputError",
    "decode_utf8",
    "os_reason",
    "read_input",
    "write_output",
]

#: The largest input read unless a larger limit is given (``--max-size``):
#: 64 MiB, far above any real article or map (the 100,000-claim map of the
#: benchmarks is 21 MB of YAML), and small enough to refuse a runaway file.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

PathArg = str | os.PathLike[str]


class OutputError(ArgmapException, OSError):
    """An output that argmap refuses to write, or could not write.

    ``str()`` is one line fit to show a user: the path, then what is wrong.
    """

    def __init__(self, path: str, message: str, errno: int | None = None) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        #: the system's error number when a write failed (``errno.EPIPE`` for
        #: a reader that left), None for a refusal
        self.errno = errno

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    def __reduce__(self) -> tuple[type[OutputError], tuple[str, str, int | None]]:
        # so it survives pickling (multiprocessing)
        return (type(self), (self.path, self.message, self.errno))


#: The system's reasons for a failed read or write, by error number, said
#: for a person (the C library gives them in English only). In English the
#: system's own words are kept; a number not listed is said in those words.
OS_REASONS: dict[int, str] = {
    code: text
    for name, text in (
        ("ENOSPC", N_("No space left on device")),
        ("EDQUOT", N_("Disk quota exceeded")),
        ("EACCES", N_("Permission denied")),
        ("EPERM", N_("Operation not permitted")),
        ("ENOENT", N_("No such file or directory")),
        ("EISDIR", N_("Is a directory")),
        ("ENOTDIR", N_("Not a directory")),
        ("EROFS", N_("Read-only file system")),
        ("EPIPE", N_("Broken pipe")),
        ("EIO", N_("Input/output error")),
        ("ENXIO", N_("No such device or address")),
        ("ENODEV", N_("No such device")),
        ("ELOOP", N_("Too many levels of symbolic links")),
        ("ENAMETOOLONG", N_("File name too long")),
        ("EEXIST", N_("File exists")),
        ("EBUSY", N_("Device or resource busy")),
        ("ETXTBSY", N_("Text file busy")),
        ("EFBIG", N_("File too large")),
        ("EMFILE", N_("Too many open files")),
        ("ENFILE", N_("Too many open files in system")),
        ("ENOMEM", N_("Cannot allocate memory")),
        ("EINVAL", N_("Invalid argument")),
        ("EAGAIN", N_("Resource temporarily unavailable")),
        ("EINTR", N_("Interrupted system call")),
        ("ESTALE", N_("Stale file handle")),
        ("ETIMEDOUT", N_("Connection timed out")),
        ("EXDEV", N_("Invalid cross-device link")),
        ("ECONNRESET", N_("Connection reset by peer")),
    )
    if (code := getattr(errno, name, None)) is not None
}


def os_reason(exc: OSError) -> str:
    """Why the system refused, for a person: the system's own words
    (``exc.strerror``) in English, a translation in another language.

    >>> os_reason(OSError(errno.ENOSPC, "No space left on device"))
    'No space left on device'
    """
    own = exc.strerror or str(exc)
    known = OS_REASONS.get(exc.errno) if exc.errno is not None else None
    if known is None:
        return own
    said = _(known)
    return own if said == known else said


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.3g} MiB"


def _input_error(name: str, message: str) -> ArgmapError:
    return ArgmapError([Problem(message, Location(name, 1, 1))])


#: What a file read is, as callers name it (``what``): translated when said.
_INPUT_NAMES = (N_("a file"), N_("a map file"), N_("an article"), N_("a pyproject.toml"))


def read_input(path: PathArg, what: str = "a file", max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path``, at most ``max_bytes`` of them.

    ``what`` names the file in messages ("a map file", "an article"; these
    and "a file" and "a pyproject.toml" are translated, any other is said
    as given).

    Raises :class:`~argmap.errors.ArgmapError` located at ``path:1:1`` when
    the path cannot be opened, is a directory, a device, a pipe or a socket
    (none is ever read, so ``/dev/zero`` cannot exhaust memory and a FIFO
    cannot hang the command), or holds more than ``max_bytes``.

    >>> read_input("/dev/zero")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: /dev/zero:1:1: is a device, not a file: argmap reads only regular files
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0:
        raise TypeError(
            _("max_bytes must be a whole number of bytes, not {value}").format(value=repr(max_bytes))
        )
    name = os.fspath(path)
    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting.
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise _input_error(name, _("is a directory, not {what}").format(what=_(what))) from None
    except OSError as exc:
        raise _input_error(name, _("cannot read: {reason}").format(reason=os_reason(exc))) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _input_error(name, _("is a directory, not {what}").format(what=_(what)))
        if not stat.S_ISREG(info.st_mode):
            raise _input_error(
                name,
                _("is {kind}, not a file: argmap reads only regular files").format(kind=_kind(info.st_mode)),
            )
        too_big = _input_error(
            name,
            _(
                "is larger than the limit of {limit}: "
                "raise the limit with --max-size (in MiB) if the file is really meant to be this large"
            ).format(limit=_mib(max_bytes)),
        )
        if info.st_size > max_bytes:
            raise too_big
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        left = max_bytes + 1  # one byte more tells a file that grew past the limit
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise too_big
        return b"".join(chunks)
    except OSError as exc:
        raise _input_error(name, _("cannot read: {reason}").format(reason=os_reason(exc))) from None
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, in the language in force."""
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISFIFO(mode):
        return _("a pipe")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a regular file")


_LINE_END = re.compile(r"\r\n|\r|\n")

#: The message for bytes that are not UTF-8, by what the text is (``what``).
_NOT_UTF8 = {
    "file": N_("the file is not UTF-8 text: byte {byte} cannot be decoded (save the file as UTF-8)"),
    "article": N_("the article is not UTF-8 text: byte {byte} cannot be decoded (save the article as UTF-8)"),
}


def decode_utf8(data: bytes, name: str, what: str = "file") -> str:
    """``data`` as text, with a byte-order mark dropped.

    Bytes that are not UTF-8 raise :class:`ArgmapError` located at the first
    bad byte (line and column counted in characters).

    >>> decode_utf8("一\\n二".encode() + b"\\xff", "a.txt", "article")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: a.txt:2:2: the article is not UTF-8 text: byte 0xff cannot be decoded (save the article as UTF-8)
    >>> decode_utf8(b"a\\rb\\r\\nc\\xff", "m.yaml")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: m.yaml:3:2: the file is not UTF-8 text: byte 0xff cannot be decoded (save the file as UTF-8)
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        lines = _LINE_END.split(good)  # a line ends at LF, CR or CRLF, as the parsers count
        line, column = len(lines), len(lines[-1]) + 1
        template = _NOT_UTF8.get(what)
        if template is None:  # a name no catalogue knows: said as given
            template = (
                "the {what} is not UTF-8 text: byte {byte} cannot be decoded (save the {what} as UTF-8)"
            )
        message = _(template).format(what=what, byte=f"0x{data[exc.start]:02x}")
        raise ArgmapError([Problem(message, Location(name, line, column))]) from None
    return text[1:] if text.startswith("\ufeff") else text


#: Paths that name an already open file descriptor of this process.
_FD_PATH = re.compile(r"/(?:dev/fd|proc/self/fd)/(\d+)\Z")
_STD_PATHS = {"-": 1, "/dev/stdout": 1, "/dev/stderr": 2}


def _fd_of(name: str) -> int | None:
    if name in _STD_PATHS:
        return _STD_PATHS[name]
    m = _FD_PATH.match(name)
    return int(m.group(1)) if m else None


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def write_output(path: PathArg, data: bytes, *, inputs: Iterable[PathArg] = ()) -> None:
    """Write ``data`` to ``path`` without ever destroying what is there by accident.

    - ``-``, ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` write to that
      open file descriptor, as a shell would;
    - a character device or a FIFO (``/dev/null``, ``/dev/full``) gets the
      bytes written into it; it is never replaced by a regular file;
    - a regular file (or a symbolic link to one: the file it names is
      written, the link stays) is replaced through a temporary file and a
      rename, keeping its permissions, so a failure leaves it as it was;
    - a path that is the same file as one of ``inputs`` (compared by device
      and inode, so links and ``./x`` are caught), an existing file with no
      write permission, a directory, a block device or a socket is refused
      with :class:`OutputError` and nothing is written.

    Raises :class:`OutputError` (an ``OSError``) saying what is wrong, with
    the path, for a refusal and for a failed write (no space left, no such
    directory, no permission).
    """
    name = os.fspath(path)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(_("data must be bytes, not {type}").format(type=type(data).__name__))
    input_stats = []
    for p in inputs:
        try:
            input_stats.append(os.stat(p))
        except OSError:
            continue
    if not name:
        raise OutputError("''", _("an empty name: name a file to write"))
    if name.endswith(("/", os.sep)) or os.path.basename(name) in (".", ".."):
        raise OutputError(name, _("names a directory: name a file to write"))
    fd = _fd_of(name)
    if fd is not None:
        _write_fd(_("standard output") if name == "-" else name, fd, data, input_stats)
        return
    try:
        info: os.stat_result | None = os.stat(name)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _write_error(name, exc) from None
    if info is not None:
        _refuse_inputs(name, info, input_stats)
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise OutputError(name, _("is a directory: name a file to write"))
        if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
            _write_device(name, data)
            return
        if not stat.S_ISREG(mode):
            raise OutputError(name, _("is {kind}; argmap does not write into it").format(kind=_kind(mode)))
        std = _standard_stream(info)
        if std is not None:  # e.g. a link to /dev/stdout while the shell sends it to a file
            _write_fd(name, std, data, input_stats)
            return
        if not (mode & 0o222) or not os.access(name, os.W_OK):
            raise OutputError(
                name, _("is read-only; it is not replaced (make it writable, or choose another output name)")
            )
    _write_atomic(os.path.realpath(name), data, name)


def _standard_stream(info: os.stat_result) -> int | None:
    """1 or 2 when ``info`` is the file standard output or error already
    writes to: it must be written through that descriptor, not replaced."""
    for fd in (1, 2):
        try:
            if _same_file(info, os.fstat(fd)):
                return fd
        except OSError:
            continue
    return None


def _refuse_inputs(name: str, info: os.stat_result, input_stats: list[os.stat_result]) -> None:
    """Raise OutputError when the file ``info`` describes is one of the inputs."""
    if any(_same_file(info, s) for s in input_stats):
        raise OutputError(
            name, _("is an input of this command; it is not replaced (choose another output name)")
        )


def _write_fd(name: str, fd: int, data: bytes, input_stats: list[os.stat_result]) -> None:
    try:
        info = os.fstat(fd)
    except OSError as exc:
        raise _write_error(name, exc) from None
    if stat.S_ISREG(info.st_mode):
        _refuse_inputs(name, info, input_stats)
    stream = {1: sys.stdout, 2: sys.stderr}.get(fd)
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # not a standard stream, or one replaced by a text-only object
        _write_all(name, fd, data)
        return
    view = memoryview(data)
    try:
        # A buffered write may take only part of the bytes (a signal during a
        # write to a pipe does that) and say so only by what it returns; the
        # next write then raises the error that stopped it (a closed pipe).
        while view:
            n = buffer.write(view)
            view = view[len(view) if n is None else n :]
        buffer.flush()
    except OSError as exc:
        raise _write_error(name, exc) from None


def _write_device(name: str, data: bytes) -> None:
    try:
        # O_NONBLOCK: a FIFO with no reader fails at once (ENXIO) instead of hanging.
        fd = os.open(name, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        why = _("no program is reading from this pipe") if exc.errno == errno.ENXIO else os_reason(exc)
        raise OutputError(name, _("cannot write: {reason}").format(reason=why)) from None
    try:
        os.set_blocking(fd, True)
        _write_all(name, fd, data)
    finally:
        os.close(fd)


def _write_error(name: str, exc: OSError) -> OutputError:
    """The error for a write to ``name`` that the system refused with ``exc``."""
    return OutputError(name, _("cannot write: {reason}").format(reason=os_reason(exc)), exc.errno)


def _write_all(name: str, fd: int, data: bytes) -> None:
    view = memoryview(data)
    try:
        while view:
            n = os.write(fd, view)
            view = view[n:]
    except OSError as exc:
        raise _write_error(name, exc) from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_atomic(target: str, data: bytes, name: str) -> None:
    """Write through a temporary file next to ``target`` and a rename."""
    directory, base = os.path.split(target)
    try:
        # The name is cut so that a target name near the system's limit still leaves room.
        fd, tmp = tempfile.mkstemp(dir=directory or ".", prefix=f".{base[:64]}.", suffix=".tmp")
    except OSError as exc:
        raise _write_error(name, exc) from None
    try:
        # mkstemp makes the file private (0600); give it the mode a plain
        # open() would: the existing file's, or 0666 less the umask.
        try:
            mode = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.fchmod(fd, mode)
        _write_all(name, fd, data)
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, target)
    except BaseException as exc:
        if fd >= 0:
            os.close(fd)
        os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            raise _write_error(name, exc) from None
        raise
