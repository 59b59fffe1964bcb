// One pass over the lines of a format=flowed part, joining each paragraph of soft
// lines as RFC 3676 section 4 reads them.
#include "mail/flowed.hpp"

namespace tkt::mail {
namespace {

struct FlowedLine {
    std::size_t depth = 0;  // quote depth: the '>' in front
    std::string_view text;  // after the quotes and the stuffed space, without the break
    bool soft = false;      // ends in a space: the paragraph goes on
};

FlowedLine read_line(std::string_view line, DelSp delsp) {
    FlowedLine out;
    if (line.ends_with('\r')) {
        line.remove_suffix(1);
    }
    while (out.depth < line.size() && line[out.depth] == '>') {
        ++out.depth;
    }
    line.remove_prefix(out.depth);
    if (line.starts_with(' ')) {
        line.remove_prefix(1);  // space-stuffing, also the space after quote marks
    }
    // The signature separator ends in a space yet is a line of its own (4.3).
    out.soft = line.ends_with(' ') && line != "-- ";
    if (out.soft && delsp == DelSp::yes) {
        line.remove_suffix(1);
    }
    out.text = line;
    return out;
}

void start_line(std::string& out, std::size_t depth) {
    if (depth > 0) {
        out.append(depth, '>');
        out += ' ';
    }
}

}  // namespace

std::string unflow(std::string_view text, DelSp delsp) {
    std::string out;
    out.reserve(text.size());
    bool in_paragraph = false;  // the last line written was soft
    std::size_t depth = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto end = text.find('\n', pos);
        const std::string_view raw = text.substr(pos, end == std::string_view::npos ? end : end - pos);
        pos = end == std::string_view::npos ? text.size() : end + 1;
        const FlowedLine line = read_line(raw, delsp);
        // A soft line followed by another quote depth was flowed by mistake (4.5):
        // the paragraph ends there.
        if (in_paragraph && line.depth != depth) {
            out += '\n';
            in_paragraph = false;
        }
        if (!in_paragraph) {
            start_line(out, line.depth);
        }
        out.append(line.text);
        depth = line.depth;
        in_paragraph = line.soft;
        if (!in_paragraph) {
            out += '\n';
        }
    }
    if (in_paragraph) {
        out += '\n';
    }
    return out;
}

}  // namespace tkt::mail
