// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Writes a CsvTable as RFC 4180 CSV: comma separated, CRLF after every record (the header too),
// UTF-8. Each field goes through three steps, in this order:
//
// 1. Byte escape (reversible): the fields hold raw /proc bytes, which need not be UTF-8. A literal
//    backslash becomes "\\"; every byte that is not part of a valid UTF-8 sequence, and NUL,
//    becomes "\xHH" (two upper-case hex digits). Decoding: "\\" -> "\", "\xHH" -> the byte.
// 2. Formula neutralisation: a field a spreadsheet would run as a formula (first character '=',
//    '+', '-', '@', tab or CR) gets a leading apostrophe, unless the whole field is a plain number
//    such as "-5" or "-0.25" (numbers stay numbers). So that this is reversible, a field that
//    already starts with an apostrophe gets one more. Decoding: drop one leading apostrophe.
// 3. Quoting: a field containing a comma, a double quote, CR or LF is enclosed in double quotes,
//    and each double quote inside it is doubled.
//
// Writing to a file follows the export target rules of ExportTarget.h: a regular file or a new
// path is replaced atomically (temporary file next to it, fsync, rename), a symlink's target is
// written and the link kept, devices and FIFOs are written, never replaced. A failure removes the
// temporary file and leaves any previous file untouched.

#include "core/base/Result.h"
#include "core/export/CsvTable.h"
#include "core/export/ExportTarget.h"

#include <cstdio>
#include <string>
#include <string_view>

namespace pg {

// What went wrong, as a value: the error class, the errno (0 if none) and one line for the user
// that names the file and the problem.
using CsvWriteStatus = TargetWriteStatus;

// Step 1 alone (exposed for tests and for the documentation's examples).
std::string csvEscapeBytes(std::string_view raw);
// True for a plain decimal number: optional '-', digits, optional fraction and exponent.
bool csvIsPlainNumber(std::string_view field);
// Steps 1 to 3 for one field.
std::string csvField(std::string_view raw);
// True when csvField(raw) == raw: a field written as it is (most are: numbers, plain names).
bool csvFieldIsPlain(std::string_view raw);
// Appends one field as csvEncode() writes it (a plain field as it is, others through csvField), for
// encoders that write rows straight into their own buffer (MemoryMapCsvStream).
void csvAppendField(std::string& out, std::string_view raw);
// The whole table: header row then data rows, each ending in CRLF.
std::string csvEncode(const CsvTable& table);

// Writes the encoded table to `path` (see ExportTarget.h for what happens to what is there).
CsvWriteStatus writeCsvFile(
    const std::string& path, const CsvTable& table, const TargetWriteOptions& options = {});
// Writes the encoded table to an open stream (standard output); reports write errors.
CsvWriteStatus writeCsvStream(std::FILE* stream, const CsvTable& table, std::string_view name);
// The same for bytes already encoded.
CsvWriteStatus writeEncodedCsvStream(
    std::FILE* stream, std::string_view data, std::string_view name);

} // namespace pg
