#!/usr/bin/env python3
"""Generates the synthetic 256-CPU /proc/interrupts (300 numeric IRQs plus the x86 named rows),
a matching /proc/softirqs and /proc/stat, and a fake /proc root for `procglass --proc-root`.

Deterministic (fixed seed). Rerun after changing it and commit the output:
    python3 tests/data/interrupts/gen_256cpu.py
Writes interrupts-256cpu.txt next to this script and ../procroot-256cpu/{interrupts,softirqs,stat,
irq/N/smp_affinity_list,irq/N/effective_affinity_list}; the fake root's interrupts is a symlink
to interrupts-256cpu.txt.
"""
import os
import random

NCPU = 256
NIRQ = 300
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "procroot-256cpu")

NAMED = [
    ("NMI", "Non-maskable interrupts"), ("LOC", "Local timer interrupts"),
    ("SPU", "Spurious interrupts"), ("PMI", "Performance monitoring interrupts"),
    ("IWI", "IRQ work interrupts"), ("RTR", "APIC ICR read retries"),
    ("RES", "Rescheduling interrupts"), ("CAL", "Function call interrupts"),
    ("TLB", "TLB shootdowns"), ("TRM", "Thermal event interrupts"),
    ("THR", "Threshold APIC interrupts"), ("DFR", "Deferred Error APIC interrupts"),
    ("MCE", "Machine check exceptions"), ("MCP", "Machine check polls"),
]


def make_irqs(rng):
    irqs = []
    for i in range(NIRQ):
        irq = 24 + i
        kind = i % 6
        if kind == 0:
            chip, hw, trig = "IR-PCI-MSIX-0000:3b:00.0", str(i // 6), "edge"
            dev = "mlx5_comp%d@pci:0000:3b:00.0" % (i // 6)
        elif kind == 1:
            chip, hw, trig = "PCI-MSIX-0000:00:04.0", str(i // 6), "edge"
            dev = "nvme%dq%d" % (i % 4, i // 6)
        elif kind == 2:
            chip, hw, trig = "IR-PCI-MSI", str(524288 + i), "edge"
            dev = "eth%d-TxRx-%d" % (i % 2, i // 6)
        elif kind == 3:
            chip, hw, trig = "IO-APIC", str(i % 24), "fasteoi"
            dev = "ehci_hcd:usb%d, i801_smbus" % (i % 3) if i % 5 == 0 else "acpi"
        elif kind == 4:
            chip, hw, trig = "DMAR-MSI", str(i // 6), "edge"
            dev = "dmar%d" % (i // 6)
        else:
            chip, hw, trig = "PCI-MSI", str(1572864 + i), "edge"
            dev = "" if i % 7 == 0 else "ahci[0000:00:17.0]"
        # Where the interrupts land: one CPU (most MSI-X queues), a few, or nowhere yet.
        mode = rng.random()
        if mode < 0.55:
            cpus = [i % NCPU]
        elif mode < 0.85:
            base = rng.randrange(NCPU - 8)
            cpus = list(range(base, base + rng.randrange(2, 8)))
        else:
            cpus = []
        counts = [0] * NCPU
        for c in cpus:
            counts[c] = rng.randrange(1, 5_000_000)
        rate = [0] * NCPU
        for c in cpus:
            rate[c] = rng.randrange(0, 2000) if rng.random() < 0.6 else 0
        allowed = "0-%d" % (NCPU - 1) if kind == 3 else ",".join(str(c) for c in cpus) or "0-%d" % (NCPU - 1)
        effective = ",".join(str(c) for c in cpus[:1]) or "0"
        irqs.append(dict(irq=irq, chip=chip, hw=hw, trig=trig, dev=dev, counts=counts, rate=rate,
                         allowed=allowed, effective=effective))
    return irqs


def interrupts_text(irqs, named, advance):
    out = [" " * 11 + "".join("CPU%-8d" % c for c in range(NCPU))]
    for q in irqs:
        counts = [c + advance * r for c, r in zip(q["counts"], q["rate"])]
        row = "%4d: " % q["irq"] + "".join("%10d " % c for c in counts)
        row += "%s %3s-%-8s %s" % (q["chip"], q["hw"], q["trig"], q["dev"])
        out.append(row.rstrip())
    for (name, desc), (counts, rate) in named:
        counts = [c + advance * r for c, r in zip(counts, rate)]
        out.append("%4s: " % name + "".join("%10d " % c for c in counts) + "  " + desc)
    out.append(" ERR:          0")
    out.append(" MIS:          0")
    return "\n".join(out) + "\n"


def softirqs_text(rng_state, advance):
    names = ["HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET", "SCHED", "HRTIMER", "RCU"]
    rng = random.Random(rng_state)
    out = [" " * 20 + "".join("CPU%-8d" % c for c in range(NCPU))]
    for n in names:
        base = [rng.randrange(0, 10_000_000) if n not in ("HI", "IRQ_POLL", "HRTIMER") else 0 for _ in range(NCPU)]
        rate = [rng.randrange(0, 500) if b else 0 for b in base]
        out.append("%12s: " % n + "".join("%10d " % (b + advance * r) for b, r in zip(base, rate)).rstrip())
    return "\n".join(out) + "\n"


def stat_text():
    lines = ["cpu  %d 0 %d %d 0 0 0 0 0 0" % (NCPU * 1000, NCPU * 500, NCPU * 90000)]
    for c in range(NCPU):
        lines.append("cpu%d 1000 0 500 90000 0 0 0 0 0 0" % c)
    lines += ["intr 0", "ctxt 123456789", "btime 1764115200", "processes 4242",
              "procs_running 3", "procs_blocked 0", "softirq 0"]
    return "\n".join(lines) + "\n"


def main():
    rng = random.Random(256300)
    irqs = make_irqs(rng)
    named = []
    for name, desc in NAMED:
        hot = name in ("LOC", "RES", "CAL", "TLB")
        counts = [rng.randrange(1000, 900_000) if hot else 0 for _ in range(NCPU)]
        rate = [rng.randrange(50, 1000) if hot else 0 for _ in range(NCPU)]
        named.append(((name, desc), (counts, rate)))
    with open(os.path.join(HERE, "interrupts-256cpu.txt"), "w") as f:
        f.write(interrupts_text(irqs, named, 0))
    os.makedirs(ROOT, exist_ok=True)
    # The fake root's interrupts is a symlink to the fixture above (no second 900 kB copy).
    link = os.path.join(ROOT, "interrupts")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(os.path.join("..", "interrupts", "interrupts-256cpu.txt"), link)
    with open(os.path.join(ROOT, "softirqs"), "w") as f:
        f.write(softirqs_text(7, 0))
    with open(os.path.join(ROOT, "stat"), "w") as f:
        f.write(stat_text())
    for q in irqs:
        d = os.path.join(ROOT, "irq", str(q["irq"]))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "smp_affinity_list"), "w") as f:
            f.write(q["allowed"] + "\n")
        with open(os.path.join(d, "effective_affinity_list"), "w") as f:
            f.write(q["effective"] + "\n")


if __name__ == "__main__":
    main()
