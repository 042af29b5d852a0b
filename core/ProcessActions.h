#pragma once

// Actions on processes: send a signal, change the nice value. A process is addressed by its
// ProcessKey, and the start time is checked through a pidfd before acting, so that a pid reused
// since the table was drawn never receives a signal meant for the process that had it. Errors are
// values carrying errno and a sentence saying what it means here.

#include "ProcessSnapshot.h"

#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct ActionOutcome
{
    ProcessKey key;
    int err = 0; // errno; 0 = done
    std::string message; // empty when done; otherwise "EPERM (Operation not permitted): ..."
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

// Only the live /proc may be acted on: a fixture tree's pids are not real processes.
bool actionsAllowed(const std::string& procRoot);

ActionOutcome sendSignal(const std::string& procRoot, const ProcessKey& key, int signal);
// setpriority(PRIO_PROCESS) affects a single thread on Linux, so every thread of the process is
// reniced (as `renice` on the pid alone would not do).
ActionOutcome setNice(const std::string& procRoot, const ProcessKey& key, int nice);

// "EPERM (Operation not permitted): you may only signal your own processes unless you are root".
std::string explainActionErrno(int err, bool isNice);

} // namespace pg
