// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A PCP host specification as the user types it (pmParseHostAttrsSpec(3)): HOST, HOST:PORT,
// pcp://HOST[:PORT], pcps://HOST?username=U, unix:PATH, local:, with attributes after '?' joined
// by '&'. What may be shown (the window's title) or kept (the recent hosts) is the spec without
// its secrets: a password typed into the spec goes to libpcp and nowhere else.

#include <string>
#include <string_view>

namespace pg {

// `spec` without the attributes that carry a secret (password=, pass=, any case); the other
// attributes and their order are kept, a '?' with nothing after it is dropped.
std::string pcpSpecWithoutSecrets(std::string_view spec);

// Whether `spec` carries such an attribute.
bool pcpSpecHasSecret(std::string_view spec);

} // namespace pg
