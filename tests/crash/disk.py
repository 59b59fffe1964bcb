"""The trace written by vfs_trace.c, and the disks a power cut could leave behind.

The model of the disk (README.md): a file's content is what it held at its last sync,
plus any subset of the writes and truncations made to it since, applied in their
order; a write that reaches the disk may also do so only in part, 512-byte sector by
sector. A sync makes every earlier change of that file durable, and of no other file.
A deleted file is gone. The -shm file is never there: SQLite rebuilds it from the WAL.
"""

import bisect
import struct

HEADER = struct.Struct("<IB3xIIqq")  # struct record_header in vfs_trace.c
WRITE, TRUNCATE, SYNC, DELETE = 1, 2, 3, 4
SECTOR = 512
TORN = 0.25  # the share of writes that reach the disk in part only


class Record:
    __slots__ = ("op", "file", "offset", "data", "pid")

    def __init__(self, op, file, offset, data, pid):
        self.op = op
        self.file = file      # a key of the files given to read_trace, or None
        self.offset = offset  # write: offset; truncate: size
        self.data = data
        self.pid = pid


class Trace:
    """The records of one traced run, and where each ends in the trace file."""

    def __init__(self, path, files):
        """Reads `path`; `files` maps each traced file's absolute path to a short key
        ("db", "wal", "journal"); records of other files keep file None."""
        with open(path, "rb") as handle:
            raw = handle.read()
        self.records = []
        self.ends = []
        at = 0
        while at + HEADER.size <= len(raw):
            size, op, pid, path_size, offset, data_size = HEADER.unpack_from(raw, at)
            if at + size > len(raw):
                break  # a record still being written when the file was read
            name = raw[at + HEADER.size:at + HEADER.size + path_size].decode("utf-8", "replace")
            data = raw[at + HEADER.size + path_size:at + size] if op == WRITE else b""
            if len(data) != data_size:
                raise ValueError(f"trace record at byte {at} is {size} bytes, its data {data_size}")
            self.records.append(Record(op, files.get(name), offset, data, pid))
            at += size
            self.ends.append(at)
        if at != len(raw):
            raise ValueError(f"trace {path} ends inside a record (byte {at} of {len(raw)})")

    def __len__(self):
        return len(self.records)

    def records_before(self, size):
        """How many records had been written completely when the file was `size` bytes."""
        return bisect.bisect_right(self.ends, size)

    def syncs(self):
        """The index of every sync of a traced file."""
        return [i for i, record in enumerate(self.records) if record.op == SYNC and record.file]

    def count(self, op, file):
        return sum(1 for record in self.records if record.op == op and record.file == file)


def apply(content, record, rng=None):
    """Applies a write or truncation to `content` (a bytearray); with `rng`, a write may
    land torn: only some of its sectors."""
    if record.op == TRUNCATE:
        if record.offset < len(content):
            del content[record.offset:]
        else:
            content.extend(bytes(record.offset - len(content)))
        return
    start, data = record.offset, record.data
    end = start + len(data)
    if end > len(content):
        content.extend(bytes(end - len(content)))
    if rng is None or rng.random() >= TORN:
        content[start:end] = data
        return
    piece = start
    while piece < end:
        stop = min(end, (piece // SECTOR + 1) * SECTOR)
        if rng.random() < 0.5:
            content[piece:stop] = data[piece - start:stop - start]
        piece = stop


class Disk:
    """Walks a trace forward, keeping for each file what its syncs made durable and what
    was only in the page cache since."""

    def __init__(self, trace, base):
        """`base`: each file's content before the trace (bytes, or None if absent)."""
        self.trace = trace
        self.durable = {key: None if content is None else bytearray(content) for key, content in base.items()}
        self.pending = {key: [] for key in base}
        self.position = 0

    def advance(self, count):
        """Moves to the moment right after the first `count` records (never backwards)."""
        if count < self.position:
            raise ValueError("crash points must be visited in order")
        for record in self.trace.records[self.position:count]:
            if record.file not in self.durable:
                continue
            if record.op in (WRITE, TRUNCATE):
                self.pending[record.file].append(record)
            elif record.op == SYNC:
                content = self.durable[record.file]
                if content is None:
                    content = self.durable[record.file] = bytearray()
                for change in self.pending[record.file]:
                    apply(content, change)
                self.pending[record.file].clear()
            elif record.op == DELETE:
                self.durable[record.file] = None
                self.pending[record.file].clear()
        self.position = count

    def image(self, rng):
        """One disk the power cut could leave: {key: bytes or None}, and how many unsynced
        changes it kept and dropped."""
        keep = rng.choice([0.0, 1.0, rng.random(), rng.random()])
        files, kept, dropped = {}, 0, 0
        for key, durable in self.durable.items():
            content = None if durable is None else bytearray(durable)
            for change in self.pending[key]:
                if rng.random() < keep:
                    if content is None:
                        content = bytearray()
                    apply(content, change, rng)
                    kept += 1
                else:
                    dropped += 1
            files[key] = None if content is None else bytes(content)
        return files, kept, dropped
