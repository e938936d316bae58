"""Execute one notebook with nbclient and report the failing cell in full.

nbconvert prints an empty error for tslab (the kernel sends no ename/evalue), so on failure
we print the failing cell's source and everything it wrote: stderr streams, error outputs.
Usage: python3 execute_notebook.py NOTEBOOK OUTPUT KERNEL TIMEOUT
Exit 0 on success, 1 when a cell failed, 2 on a setup problem.
"""
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError


def cell_report(cell):
    lines = ["--- cell source ---", cell.get("source", ""), "--- cell output ---"]
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream":
            lines.append(f"[{out.get('name')}] {out.get('text', '')}".rstrip())
        elif kind == "error":
            lines.append(f"[error] {out.get('ename', '')}: {out.get('evalue', '')}")
            lines.extend(out.get("traceback", []))
    return "\n".join(lines)


def main():
    path, output, kernel, timeout = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, allow_errors=False,
                            resources={"metadata": {"path": sys.argv[5] if len(sys.argv) > 5 else "."}})
    failed = None
    try:
        client.execute()
    except (CellExecutionError, DeadKernelError) as e:
        failed = e
    finally:
        nbformat.write(nb, output)
    if failed is None:
        return 0
    # the failing cell is the last one that has an execution count or outputs
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    bad = None
    for i, c in enumerate(code_cells):
        has_error = any(o.get("output_type") == "error" for o in c.get("outputs", []))
        if has_error:
            bad = (i, c)
            break
    if bad is None:
        executed = [(i, c) for i, c in enumerate(code_cells) if c.get("execution_count")]
        bad = executed[-1] if executed else None
    print(f"FAILED {path}", file=sys.stderr)
    if bad is not None:
        print(f"code cell {bad[0] + 1}:", file=sys.stderr)
        print(cell_report(bad[1]), file=sys.stderr)
    print(f"--- kernel said ---\n{type(failed).__name__}: {str(failed).strip() or '(empty message)'}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
