// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Actions on processes: send a signal, change the nice value. A process is addressed by its
// ProcessKey. Its /proc/PID directory is opened once and held (HeldProcess); the start time is
// checked through that handle and the action goes through it too, so that a pid reused since the
// user confirmed never receives a signal or a nice value meant for the process that had it.
// Nothing is done at all when the /proc root is not one of our own PID namespace (ProcRootScope).
// Errors are values carrying errno and a sentence saying what it means here.

#include "core/process/ProcRootScope.h"
#include "core/process/ProcessSnapshot.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct ActionOutcome
{
    ProcessKey key;
    int err = 0; // errno; 0 = done
    std::string message; // empty when done; otherwise "EPERM (Operation not permitted): ..."
    // Not Ours: refused before any process was looked at (err is EXDEV, message the reason).
    ProcRootScope scope = ProcRootScope::Ours;
    bool ok() const { return err == 0; }
};

struct SignalChoice
{
    int signal;
    std::string_view name; // "SIGTERM"
    std::string_view meaning; // "ask to terminate (may be caught)"
};

// TERM, KILL, STOP, CONT, HUP, INT, USR1, USR2, in menu order.
const std::vector<SignalChoice>& supportedSignals();
std::string signalName(int signal);

// Only a procfs of our own PID namespace may be acted on: a fixture tree's pids are not real
// processes, and another namespace's numbers name other processes here (checkProcRoot says why).
bool actionsAllowed(const std::string& procRoot);

ActionOutcome sendSignal(const std::string& procRoot, const ProcessKey& key, int signal);
// setpriority(PRIO_PROCESS) affects a single thread on Linux, so every thread of the process is
// reniced (as `renice` on the pid alone would not do).
ActionOutcome setNice(const std::string& procRoot, const ProcessKey& key, int nice);

// Tests only: called after the identity check has passed and before the process is acted on, so
// that a test can make the pid be reused exactly there. Not set in the application.
void setActionHookForTests(std::function<void(const ProcessKey&)> hook);

// "EPERM (Operation not permitted): you may only signal your own processes unless you are root".
std::string explainActionErrno(int err, bool isNice);

} // namespace pg
