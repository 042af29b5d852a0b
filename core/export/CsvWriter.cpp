// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/CsvWriter.h"

#include "core/base/ProcFs.h"

#include <cerrno>

namespace pg {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if the bytes there are not one
// (overlong forms, surrogates and code points above U+10FFFF are invalid, as in RFC 3629).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80)
        return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0; // overlong
        if (c == 0xED)
            hi = 0x9F; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90; // overlong
        if (c == 0xF4)
            hi = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < len; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
            return 0;
    }
    return len;
}

bool needsQuotes(std::string_view field)
{
    return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

CsvWriteStatus failure(Error error, int err, std::string message)
{
    return CsvWriteStatus { error, err, std::move(message) };
}

} // namespace

std::string csvEscapeBytes(std::string_view raw)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(raw.size());
    std::size_t i = 0;
    while (i < raw.size()) {
        const char c = raw[i];
        if (c == '\\') {
            out += "\\\\";
            ++i;
            continue;
        }
        const std::size_t len = c == '\0' ? 0 : utf8SequenceLength(raw, i);
        if (len == 0) {
            const auto b = static_cast<unsigned char>(c);
            out += "\\x";
            out += kHex[b >> 4];
            out += kHex[b & 0xF];
            ++i;
            continue;
        }
        out.append(raw.substr(i, len));
        i += len;
    }
    return out;
}

bool csvIsPlainNumber(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-')
        ++i;
    const std::size_t intStart = i;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i == intStart)
        return false;
    if (i < s.size() && s[i] == '.') {
        const std::size_t fracStart = ++i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == fracStart)
            return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        const std::size_t expStart = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == expStart)
            return false;
    }
    return i == s.size();
}

std::string csvField(std::string_view raw)
{
    std::string field = csvEscapeBytes(raw);
    if (!field.empty()) {
        const char first = field.front();
        const bool formula = first == '=' || first == '+' || first == '-' || first == '@'
            || first == '\t' || first == '\r';
        if (first == '\'' || (formula && !csvIsPlainNumber(field)))
            field.insert(field.begin(), '\'');
    }
    if (!needsQuotes(field))
        return field;
    std::string quoted;
    quoted.reserve(field.size() + 2);
    quoted += '"';
    for (char c : field) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

namespace {

// Most fields (numbers, plain names) need none of the three steps: printable ASCII without a
// backslash, quote or comma, not starting like a formula. They are copied as they are.
bool isPlainField(std::string_view raw)
{
    if (raw.empty())
        return true;
    const char first = raw.front();
    if (first == '=' || first == '+' || first == '@' || first == '\''
        || (first == '-' && !csvIsPlainNumber(raw)))
        return false;
    for (char c : raw) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b >= 0x7f || c == '\\' || c == '"' || c == ',')
            return false;
    }
    return true;
}

} // namespace

bool csvFieldIsPlain(std::string_view raw)
{
    return isPlainField(raw);
}

void csvAppendField(std::string& out, std::string_view raw)
{
    if (isPlainField(raw))
        out += raw;
    else
        out += csvField(raw);
}

std::string csvEncode(const CsvTable& table)
{
    std::string out;
    const auto appendRow = [&out](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0)
                out += ',';
            csvAppendField(out, row[i]);
        }
        out += "\r\n";
    };
    // Reserve for rows like the first one, plus an eighth for escapes and longer rows.
    std::size_t rowBytes = 2;
    for (const auto& field : table.rows.empty() ? table.header : table.rows.front())
        rowBytes += field.size() + 1;
    out.reserve(rowBytes * (table.rows.size() + 1) / 8 * 9);
    appendRow(table.header);
    for (const auto& row : table.rows)
        appendRow(row);
    return out;
}

CsvWriteStatus writeCsvFile(
    const std::string& path, const CsvTable& table, const TargetWriteOptions& options)
{
    return writeExportTarget(path, csvEncode(table), options);
}

CsvWriteStatus writeCsvStream(std::FILE* stream, const CsvTable& table, std::string_view name)
{
    return writeEncodedCsvStream(stream, csvEncode(table), name);
}

CsvWriteStatus writeEncodedCsvStream(
    std::FILE* stream, std::string_view data, std::string_view name)
{
    errno = 0;
    const std::size_t written = std::fwrite(data.data(), 1, data.size(), stream);
    if (written != data.size() || std::fflush(stream) != 0) {
        const int err = errno ? errno : EIO;
        return failure(errorFromErrno(err), err,
            "cannot write " + std::string(name) + ": " + errnoPhrase(err));
    }
    return {};
}

} // namespace pg
