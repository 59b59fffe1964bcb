#include "cli/editor.hpp"

#include "cli/output.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace tkt::cli {
namespace {

// The temporary file, removed however the edit ends.
class TempFile {
public:
    explicit TempFile(const Environment& env) {
        const std::string dir = env.get("TMPDIR").value_or("/tmp");
        std::string pattern = dir + "/tkt-reply-XXXXXX.txt";
        const int fd = ::mkstemps(pattern.data(), 4);
        if (fd < 0) {
            throw Error(Exit::cant_create,
                        fmt::format("cannot create a file in '{}' for the editor: {}", dir, std::strerror(errno)));
        }
        ::close(fd);
        m_path = pattern;
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() { std::filesystem::remove(m_path, m_error); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::error_code m_error;
};

// Runs `editor` on `path` through the shell, as git does, since editors are often set
// with arguments ("code --wait"); the file name is passed as $1, never spliced in.
int run_editor(const std::string& editor, const std::string& path) {
    const std::string script = editor + " \"$1\"";
    std::vector<char*> args{const_cast<char*>("/bin/sh"),      const_cast<char*>("-c"),
                            const_cast<char*>(script.c_str()), const_cast<char*>("tkt-editor"),
                            const_cast<char*>(path.c_str()),   nullptr};
    pid_t pid = 0;
    if (const int error = ::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, args.data(), environ); error != 0) {
        throw Error(Exit::nothing, fmt::format("cannot run the editor '{}': {}", editor, std::strerror(error)));
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The line that ends the reply in the editor; below it, the context.
constexpr std::string_view k_cut_line = "------------------------ >8 ------------------------";

// The customer's last message on `record`, quoted, under a line saying whose it is and
// what `what` ("reply", "note") leaves out.
std::string quoted_context(const TicketRecord& record, std::string_view what) {
    const Message* last = nullptr;
    for (const auto& message : record.messages) {
        if (message.direction == Direction::in && !message.automatic) {
            last = &message;
        }
    }
    std::string text = fmt::format("{}\nDo not change or remove the line above: everything below it is left out of "
                                   "the {}.\n\nTicket #{}: {}\n",
                                   k_cut_line, what, record.ticket.id, record.ticket.subject);
    if (last == nullptr) {
        return text;
    }
    text += fmt::format("{} wrote on {}:\n", last->author, format_local_time(last->created_at));
    for (const auto& line : split(last->body, '\n')) {
        text += line.empty() ? ">\n" : "> " + line + "\n";
    }
    return text;
}

// Returns `text` up to the cut line, without the blank lines before it.
std::string above_cut(std::string text) {
    if (const auto cut = text.find(k_cut_line); cut != std::string::npos && (cut == 0 || text[cut - 1] == '\n')) {
        text.erase(cut);
    }
    while (text.ends_with("\n\n")) {
        text.pop_back();
    }
    return text;
}

}  // namespace

std::string edit_reply(const std::string& body, const TicketRecord& record, Blank blank, Context& context) {
    const std::string text = above_cut(edit_text(body + "\n" + quoted_context(record, "reply"), context));
    if (trim(text).empty()) {
        throw Error(Exit::nothing, "aborting: the reply is empty (nothing recorded)");
    }
    if (blank == Blank::refused && trim(text) == trim(body)) {
        throw Error(Exit::nothing, "aborting: nothing was written between the greeting and the signature "
                                   "(nothing recorded)");
    }
    return text;
}

std::string edit_note(const TicketRecord& record, Context& context) {
    const std::string text = above_cut(edit_text("\n" + quoted_context(record, "note"), context, "note"));
    if (trim(text).empty()) {
        throw Error(Exit::nothing, "aborting: the note is empty (nothing recorded)");
    }
    return text;
}

std::string edit_text(const std::string& text, Context& context, std::string_view what) {
    const std::string editor = context.env().get("VISUAL").value_or(context.env().get("EDITOR").value_or("vi"));
    const TempFile file(context.env());
    {
        std::ofstream out(file.path(), std::ios::binary);
        out << text;
        if (!out.flush()) {
            throw Error(Exit::io, fmt::format("cannot write '{}' for the editor", file.path()));
        }
    }
    context.out().flush();
    if (const int code = run_editor(editor, file.path()); code != 0) {
        throw Error(Exit::nothing, fmt::format("the editor '{}' exited with {}: nothing recorded", editor, code));
    }
    std::string result = read_file(file.path()).value_or("");  // a deleted file is an empty reply
    if (!is_valid_utf8(result)) {
        throw data_error(fmt::format("the edited {} is not valid UTF-8 (nothing recorded)", what));
    }
    if (trim(result).empty()) {
        throw Error(Exit::nothing, fmt::format("aborting: the {} is empty (nothing recorded)", what));
    }
    while (result.ends_with("\n\n")) {
        result.pop_back();
    }
    if (!result.ends_with('\n')) {
        result += '\n';
    }
    return result;
}

}  // namespace tkt::cli
