#!/usr/bin/env python3
"""Builds the IRQ topology fixtures under tests/data/irqtopo/: each NAME/ holds proc/ (a fake
/proc: interrupts, softirqs, irq/N/*, a PID's comm) and sys/ (a fake /sys: devices/, the
bus/class/block links into it as relative symlinks, like the kernel's, and kernel/irq/N/*).

  make_fixtures.py           nic16 (a 16-queue NIC on 16 CPUs, mixed affinities) and nvme (an
                             NVMe disk with per-CPU queues, a GPU, 8 CPUs)
  make_fixtures.py --live    vm-virtio: copied from this machine's /proc and /sys (the files that
                             matter for IRQs only); run on the 2-CPU virtio VM the tests expect
"""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def link(path, target):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.lexists(path):
        os.remove(path)
    os.symlink(target, path)


def rel(from_dir, to):
    return os.path.relpath(to, from_dir)


class Tree:
    def __init__(self, name, cpus):
        self.root = os.path.join(HERE, name)
        shutil.rmtree(self.root, ignore_errors=True)
        self.proc = os.path.join(self.root, "proc")
        self.sys = os.path.join(self.root, "sys")
        self.cpus = cpus
        self.rows = []
        for bus in ("pci", "virtio"):
            os.makedirs(os.path.join(self.sys, "bus", bus, "devices"), exist_ok=True)

    def dev(self, path):
        return os.path.join(self.sys, "devices", path)

    def pci(self, path, driver, msi=(), legacy_irq=0):
        d = self.dev(path)
        os.makedirs(d, exist_ok=True)
        link(os.path.join(d, "subsystem"), rel(d, os.path.join(self.sys, "bus/pci")))
        drv = os.path.join(self.sys, "bus/pci/drivers", driver)
        os.makedirs(drv, exist_ok=True)
        link(os.path.join(d, "driver"), rel(d, drv))
        write(os.path.join(d, "irq"), "%d\n" % legacy_irq)
        os.makedirs(os.path.join(d, "msi_irqs"), exist_ok=True)
        for irq in msi:
            write(os.path.join(d, "msi_irqs", str(irq)), "msix\n")
        addr = os.path.basename(path)
        link(os.path.join(self.sys, "bus/pci/devices", addr), rel(os.path.join(self.sys, "bus/pci/devices"), d))
        return d

    def class_link(self, cls, name, devpath, device_target):
        d = self.dev(devpath)
        os.makedirs(d, exist_ok=True)
        if device_target:
            link(os.path.join(d, "device"), rel(d, self.dev(device_target)))
        folder = os.path.join(self.sys, cls)
        link(os.path.join(folder, name), rel(folder, d))

    def irq(self, irq, counts, chip, hwirq, trigger, action, smp=None, eff=None, hint=None, node="-1"):
        self.rows.append((irq, counts, chip, hwirq, trigger, action))
        k = os.path.join(self.sys, "kernel/irq", str(irq))
        write(os.path.join(k, "actions"), action + "\n")
        write(os.path.join(k, "chip_name"), chip + "\n")
        write(os.path.join(k, "hwirq"), hwirq + "\n")
        write(os.path.join(k, "type"), trigger + "\n")
        write(os.path.join(k, "per_cpu_count"), ",".join(str(c) for c in counts) + "\n")
        p = os.path.join(self.proc, "irq", str(irq))
        os.makedirs(p, exist_ok=True)
        if smp is not None:
            write(os.path.join(p, "smp_affinity_list"), smp + "\n")
        if eff is not None:
            write(os.path.join(p, "effective_affinity_list"), eff + "\n")
        if hint is not None:
            write(os.path.join(p, "affinity_hint"), hint + "\n")
        write(os.path.join(p, "node"), node + "\n")

    def finish(self, named=(), soft=None, irqbalance_pid=None):
        head = " " * 4 + "".join("%-11s" % ("CPU%d" % c) for c in range(self.cpus))
        lines = [head.rstrip()]
        for irq, counts, chip, hwirq, trigger, action in self.rows:
            lines.append("%4d: %s %s %s-%s   %s" % (irq, " ".join("%10d" % c for c in counts), chip, hwirq, trigger, action))
        for name, counts, desc in named:
            lines.append("%4s: %s   %s" % (name, " ".join("%10d" % c for c in counts), desc))
        lines.append(" ERR:          0")
        lines.append(" MIS:          0")
        write(os.path.join(self.proc, "interrupts"), "\n".join(lines) + "\n")
        soft = soft or {}
        slines = [" " * 20 + "".join("%-11s" % ("CPU%d" % c) for c in range(self.cpus))]
        for kind in ("HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET", "SCHED", "HRTIMER", "RCU"):
            counts = soft.get(kind, [0] * self.cpus)
            slines.append("%12s: %s" % (kind, " ".join("%10d" % c for c in counts)))
        write(os.path.join(self.proc, "softirqs"), "\n".join(slines) + "\n")
        write(os.path.join(self.proc, "1", "comm"), "systemd\n")
        if irqbalance_pid:
            write(os.path.join(self.proc, str(irqbalance_pid), "comm"), "irqbalance\n")


def nic16():
    t = Tree("nic16", 16)
    bridge = "pci0000:3a/0000:3a:00.0"
    t.pci(bridge, "pcieport")
    fn = bridge + "/0000:3b:00.0"
    t.pci(fn, "ixgbe", msi=range(60, 77))
    t.class_link("class/net", "enp59s0f0", fn + "/net/enp59s0f0", fn)
    t.class_link("class/net", "lo", "virtual/net/lo", None)
    for q in range(16):
        irq = 60 + q
        counts = [0] * 16
        act = "enp59s0f0-TxRx-%d" % q
        if q < 8:  # pinned one queue per CPU (irqbalance or set_irq_affinity.sh): never flagged
            counts[q] = 500000 + q
            t.irq(irq, counts, "IR-PCI-MSIX-0000:3b:00.0", str(q), "edge", act, smp=str(q), eff=str(q), hint="%04x" % (1 << q))
        elif q == 8:  # allowed everywhere, no effective_affinity_list (old kernel): all on CPU 8
            counts[8] = 900000
            counts[9] = 1000
            t.irq(irq, counts, "IR-PCI-MSIX-0000:3b:00.0", str(q), "edge", act, smp="0-15")
        elif q == 9:  # allowed everywhere and spread: balanced
            t.irq(irq, [10000 + c for c in range(16)], "IR-PCI-MSIX-0000:3b:00.0", str(q), "edge", act, smp="0-15")
        elif q in (10, 11):  # effective 0-3 (a multi-CPU delivery mode) but only CPUs 0-1 take it
            counts[0] = 40000
            counts[1] = 41000
            t.irq(irq, counts, "IR-PCI-MSIX-0000:3b:00.0", str(q), "edge", act, smp="0-15", eff="0-3")
        elif q == 12:  # smp_affinity_list missing: the driver's hint (CPU 12) decides
            counts[12] = 70000
            t.irq(irq, counts, "IR-PCI-MSIX-0000:3b:00.0", str(q), "edge", act, hint="00001000")
        elif q == 13:  # too few events to judge
            counts[3] = 9
            counts[4] = 3
            t.irq(irq, counts, "IR-PCI-MSIX-0000:3b:00.0", str(q), "edge", act, smp="0-15")
        else:  # irqbalance's choice: allowed 0-15, effective one CPU
            counts[q] = 250000
            t.irq(irq, counts, "IR-PCI-MSIX-0000:3b:00.0", str(q), "edge", act, smp="0-15", eff=str(q))
    t.irq(76, [3] + [0] * 15, "IR-PCI-MSIX-0000:3b:00.0", "16", "edge", "enp59s0f0", smp="0-15", eff="0")
    # Legacy IRQs matched by action name.
    os.makedirs(os.path.join(t.sys, "bus/platform/drivers/i8042"), exist_ok=True)
    t.irq(1, [9] + [0] * 15, "IR-IO-APIC", "1", "edge", "i8042", smp="0-15", eff="0")
    t.class_link("class/tty", "ttyS0", "pnp0/00:04/tty/ttyS0", None)
    t.irq(4, [0, 120] + [0] * 14, "IR-IO-APIC", "4", "edge", "ttyS0", smp="0-15", eff="1")
    t.class_link("class/rtc", "rtc0", "pnp0/00:02/rtc/rtc0", None)
    t.irq(8, [1] + [0] * 15, "IR-IO-APIC", "8", "edge", "rtc0", smp="0-15", eff="0")
    t.irq(9, [0] * 16, "IR-IO-APIC", "9", "fasteoi", "acpi", smp="0-15", eff="0")
    t.finish(named=[("LOC", [100000] * 16, "Local timer interrupts")],
             soft={"NET_RX": [500000 if c < 8 else 0 for c in range(16)],
                   "HRTIMER": [1] + [0] * 15, "TASKLET": [15] + [0] * 15,
                   "TIMER": [20000 + c for c in range(16)]},
             irqbalance_pid=812)
    # RPS/XPS masks of two queues (for the per-device view's data).
    q = t.dev(fn + "/net/enp59s0f0/queues")
    write(os.path.join(q, "rx-0", "rps_cpus"), "0000\n")
    write(os.path.join(q, "rx-1", "rps_cpus"), "00f0\n")
    write(os.path.join(q, "tx-0", "xps_cpus"), "0001\n")
    write(os.path.join(q, "tx-1", "xps_cpus"), "0002\n")


def nvme():
    t = Tree("nvme", 8)
    root = "pci0000:00"
    t.pci(root + "/0000:00:1d.0", "pcieport")
    fn = root + "/0000:00:1d.0/0000:01:00.0"
    t.pci(fn, "nvme", msi=range(120, 129))
    ctrl = fn + "/nvme/nvme0"
    t.class_link("class/nvme", "nvme0", ctrl, fn)
    t.class_link("block", "nvme0n1", ctrl + "/nvme0n1", ctrl)
    t.class_link("block", "loop0", "virtual/block/loop0", None)
    t.irq(120, [4000, 0, 0, 0, 0, 0, 0, 0], "IR-PCI-MSIX-0000:01:00.0", "0", "edge", "nvme0q0", smp="0-7", eff="0")
    for q in range(1, 9):
        counts = [0] * 8
        counts[q - 1] = 200000 * q
        t.irq(120 + q, counts, "IR-PCI-MSIX-0000:01:00.0", str(q), "edge", "nvme0q%d" % q,
              smp=str(q - 1), eff=str(q - 1), hint="%02x" % (1 << (q - 1)), node="0")
    gpu = root + "/0000:00:02.0"
    t.pci(gpu, "i915", msi=[130])
    t.class_link("class/drm", "card0", gpu + "/drm/card0", gpu)
    t.class_link("class/drm", "card0-HDMI-A-1", gpu + "/drm/card0/card0-HDMI-A-1", None)
    t.irq(130, [0, 0, 5000, 0, 0, 0, 0, 0], "IR-PCI-MSI-0000:00:02.0", "32768", "edge", "i915", smp="0-7", eff="2")
    # A USB controller no class names: its PCI address and driver.
    t.pci(root + "/0000:00:14.0", "xhci_hcd", msi=[131])
    t.irq(131, [0, 0, 0, 800, 0, 0, 0, 0], "IR-PCI-MSI-0000:00:14.0", "0", "edge", "xhci_hcd", smp="0-7", eff="3")
    t.finish(soft={"BLOCK": [10000 * (c + 1) for c in range(8)]})


def copy_live():
    t = os.path.join(HERE, "vm-virtio")
    shutil.rmtree(t, ignore_errors=True)
    proc = os.path.join(t, "proc")
    sysd = os.path.join(t, "sys")

    def cp(src, dst):
        if os.path.islink(src):
            link(dst, os.readlink(src))
        elif os.path.isfile(src):
            try:
                with open(src) as f:
                    write(dst, f.read())
            except OSError:
                pass

    for name in ("interrupts", "softirqs"):
        cp("/proc/" + name, os.path.join(proc, name))
    for irq in os.listdir("/proc/irq"):
        if not irq.isdigit():
            continue
        for f in ("smp_affinity_list", "effective_affinity_list", "affinity_hint", "node"):
            cp("/proc/irq/%s/%s" % (irq, f), os.path.join(proc, "irq", irq, f))
    for irq in os.listdir("/sys/kernel/irq"):
        for f in ("actions", "chip_name", "hwirq", "type", "per_cpu_count"):
            cp("/sys/kernel/irq/%s/%s" % (irq, f), os.path.join(sysd, "kernel/irq", irq, f))
    write(os.path.join(proc, "1", "comm"), "init\n")

    def copy_dev(real):
        """Copies a device folder's IRQ-relevant entries; returns its path under sys/."""
        relp = os.path.relpath(real, "/sys")
        d = os.path.join(sysd, relp)
        os.makedirs(d, exist_ok=True)
        for f in ("subsystem", "driver", "device", "irq"):
            if os.path.lexists(os.path.join(real, f)):
                cp(os.path.join(real, f), os.path.join(d, f))
        return d

    for addr in sorted(os.listdir("/sys/bus/pci/devices")):
        cp("/sys/bus/pci/devices/" + addr, os.path.join(sysd, "bus/pci/devices", addr))
        real = os.path.realpath("/sys/bus/pci/devices/" + addr)
        copy_dev(real)
        msi = os.path.join(real, "msi_irqs")
        if os.path.isdir(msi):
            for irq in os.listdir(msi):
                cp(os.path.join(msi, irq), os.path.join(sysd, os.path.relpath(msi, "/sys"), irq))
        for child in os.listdir(real):
            if child.startswith("virtio"):
                copy_dev(os.path.join(real, child))
    for cls in ("class/net", "block"):
        for name in os.listdir("/sys/" + cls):
            cp("/sys/%s/%s" % (cls, name), os.path.join(sysd, cls, name))
            d = copy_dev(os.path.realpath("/sys/%s/%s" % (cls, name)))
            # RPS/XPS masks (the per-device view); a mask the kernel refuses to show (xps_cpus of
            # a single-queue device: ENOENT) leaves the queue folder without it, as it reads.
            queues = os.path.realpath("/sys/%s/%s" % (cls, name)) + "/queues"
            if cls == "class/net" and os.path.isdir(queues):
                for q in sorted(os.listdir(queues)):
                    f = "rps_cpus" if q.startswith("rx-") else "xps_cpus"
                    os.makedirs(os.path.join(d, "queues", q), exist_ok=True)
                    cp(os.path.join(queues, q, f), os.path.join(d, "queues", q, f))
    # Targets of the driver/subsystem links, so that no link in the fixture dangles.
    for dirpath, dirnames, filenames in os.walk(sysd):
        for n in dirnames + filenames:
            p = os.path.join(dirpath, n)
            if os.path.islink(p):
                target = os.path.normpath(os.path.join(dirpath, os.readlink(p)))
                if target.startswith(sysd) and not os.path.exists(target):
                    os.makedirs(target, exist_ok=True)


def fill_empty_folders(name):
    """git keeps no empty folder: give each one the uevent file every real sysfs folder has."""
    for dirpath, dirnames, filenames in os.walk(os.path.join(HERE, name)):
        if not dirnames and not filenames:
            write(os.path.join(dirpath, "uevent"), "")


if __name__ == "__main__":
    if "--live" in sys.argv:
        copy_live()
        fill_empty_folders("vm-virtio")
    else:
        nic16()
        nvme()
        fill_empty_folders("nic16")
        fill_empty_folders("nvme")
