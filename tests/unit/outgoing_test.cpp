#include "mail/compose.hpp"
#include "mail/inbound.hpp"
#include "mail/outgoing.hpp"
#include "mail/parse.hpp"
#include "mail/sendmail.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <csignal>
#include <doctest/doctest.h>
#include <fstream>
#include <thread>

using namespace tkt;

namespace {

OutgoingMail sample_mail() {
    OutgoingMail mail;
    mail.from = Address{"Example Support", "support@example.com"};
    mail.to = Address{"Ирина Петрова", "irina@example.ru"};
    mail.subject = "Re: Где моя посылка? [Support #42]";
    mail.body = "Здравствуйте, Ирина!\n\nПосылка в пути.\n";
    mail.date = 1795341600;
    mail.message_id = "tkt.42.1795341600.00ff@example.com";
    mail.in_reply_to = "order-58213@example.ru";
    mail.references = {"tkt-ticket-42@example.com", "first@example.ru", "order-58213@example.ru"};
    mail.loop_token = "support@example.com";
    return mail;
}

// The header lines of an RFC 5322 message, unfolded.
std::vector<std::string> header_lines(const std::string& message) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < message.size()) {
        const auto end = message.find('\n', at);
        const std::string line = message.substr(at, end - at);
        if (line.empty()) {
            break;
        }
        if ((line[0] == ' ' || line[0] == '\t') && !lines.empty()) {
            lines.back() += line;
        } else {
            lines.push_back(line);
        }
        at = end + 1;
    }
    return lines;
}

bool has_header(const std::string& message, std::string_view name) {
    for (const auto& line : header_lines(message)) {
        if (line.size() > name.size() && line.compare(0, name.size(), name) == 0 && line[name.size()] == ':') {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("outgoing::header_safe") {
    CHECK(header_safe("plain") == "plain");
    CHECK(header_safe("a\r\nBcc: evil@example.com") == "a Bcc: evil@example.com");
    CHECK(header_safe("a\nb\tc\x7f"
                      "d") == "a b c d");
    CHECK(header_safe("Привет\r\n") == "Привет ");
}

TEST_CASE("outgoing::is_plausible_message_id") {
    CHECK(is_plausible_message_id("abc@example.com"));
    CHECK_FALSE(is_plausible_message_id("abc"));
    CHECK_FALSE(is_plausible_message_id("a b@example.com"));
    CHECK_FALSE(is_plausible_message_id("a>b@example.com"));
    CHECK_FALSE(is_plausible_message_id("@example.com"));
    CHECK_FALSE(is_plausible_message_id("a@b@c"));
}

TEST_CASE("outgoing::compose makes a message that parses back whole") {
    const auto mail = sample_mail();
    const std::string raw = mail::compose(mail);
    CHECK(raw.find("\r") == std::string::npos);
    CHECK(raw.find("Content-Type: text/plain; charset=utf-8") != std::string::npos);
    CHECK(raw.find("X-Tkt-Loop: support@example.com") != std::string::npos);
    CHECK_FALSE(has_header(raw, "Auto-Submitted"));
    // Every byte of the message is 7-bit: the Cyrillic is encoded.
    CHECK(std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));

    const auto parsed = mail::parse(raw, MailOptions{});
    CHECK(parsed.subject == mail.subject);
    CHECK(parsed.from.email == "support@example.com");
    CHECK(parsed.body == mail.body);
    CHECK(parsed.message_id == mail.message_id);
    CHECK(parsed.in_reply_to == std::vector<std::string>{"order-58213@example.ru"});
    CHECK(parsed.references == mail.references);
    CHECK(parsed.kind == MailKind::own_loop);
}

TEST_CASE("outgoing::compose picks quoted-printable for mostly ASCII text") {
    auto mail = sample_mail();
    mail.body = "Hello Ирина,\n\nYour parcel is on its way, and it should arrive by Friday at the latest.\n";
    std::string raw = mail::compose(mail);
    CHECK(raw.find("Content-Transfer-Encoding: quoted-printable") != std::string::npos);
    CHECK(mail::parse(raw, MailOptions{}).body == mail.body);
    // A line longer than mail allows (998) is folded by the encoding, not cut.
    mail.body = std::string(1200, 'a') + "\n";
    raw = mail::compose(mail);
    CHECK(raw.find("Content-Transfer-Encoding: quoted-printable") != std::string::npos);
    CHECK(mail::parse(raw, MailOptions{}).body == mail.body);
}

TEST_CASE("outgoing::compose: no data can make a header of its own") {
    auto mail = sample_mail();
    mail.subject = "Hello\r\nBcc: evil@example.com\r\n\r\nInjected body";
    mail.to.name = "Bob\nCc: other@example.com";
    mail.from.name = "Support\rX-Evil: 1";
    mail.in_reply_to = "x@y\r\nBcc: evil2@example.com";
    mail.references = {"a@b\nBcc: evil3@example.com"};
    mail.loop_token = "support@example.com\nBcc: evil4@example.com";
    const std::string raw = mail::compose(mail);
    CHECK_FALSE(has_header(raw, "Bcc"));
    CHECK_FALSE(has_header(raw, "Cc"));
    CHECK_FALSE(has_header(raw, "X-Evil"));
    const auto parsed = mail::parse(raw, MailOptions{});
    CHECK(parsed.body == mail.body);
    CHECK(parsed.subject.find("Injected body") != std::string::npos);
}

TEST_CASE("outgoing::compose keeps the body UTF-8, whatever its letters") {
    auto mail = sample_mail();
    mail.body = "Bonjour Pierre,\n\nVotre adresse a été changée, merci de votre patience.\n";
    std::string raw = mail::compose(mail);
    CHECK(raw.find("=C3=A9t=C3=A9") != std::string::npos);  // "été" as UTF-8, quoted-printable
    CHECK(raw.find("=E9") == std::string::npos);            // not as ISO-8859-1
    CHECK(mail::parse(raw, MailOptions{}).body == mail.body);
    mail.body = "Größe, naïve, 東京, ещё.\n";
    raw = mail::compose(mail);
    CHECK(raw.find("charset=utf-8") != std::string::npos);
    CHECK(mail::parse(raw, MailOptions{}).body == mail.body);
}

TEST_CASE("outgoing::compose marks automatic mail") {
    auto mail = sample_mail();
    mail.automatic = true;
    CHECK(mail::compose(mail).find("Auto-Submitted: auto-replied") != std::string::npos);
}

TEST_CASE("outgoing::run_sendmail") {
    test::TempDir dir;
    const auto script = [&](const std::string& name, const std::string& body) {
        const auto path = dir / name;
        std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
        std::filesystem::permissions(path, std::filesystem::perms::owner_all);
        return path.string();
    };
    const std::string message = "Subject: hi\n\nbody\n";

    SUBCASE("success: the message arrives on stdin, the argv as given") {
        const auto out = (dir / "got").string();
        const auto ok = script("ok", "cat > '" + out + "'; printf '%s|' \"$@\" >> '" + out + "'");
        const auto result = run_sendmail({ok, "-t", "-i", "a b;$(x)"}, message);
        CHECK(result.ok);
        std::ifstream in(out);
        const std::string got((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(got == message + "-t|-i|a b;$(x)|");
    }
    SUBCASE("failure: exit status and the first line of stderr") {
        const auto bad = script("bad", "cat > /dev/null; echo; echo '451 4.3.0 try later' >&2; echo more >&2; exit 75");
        const auto result = run_sendmail({bad}, message);
        CHECK_FALSE(result.ok);
        CHECK(result.error == bad + " exited with 75: 451 4.3.0 try later");
    }
    SUBCASE("a program that does not read its input does not kill tkt") {
        const auto deaf = script("deaf", "exit 1");
        const std::string big(4 << 20, 'x');
        const auto result = run_sendmail({deaf}, big);
        CHECK_FALSE(result.ok);
        CHECK(result.error == deaf + " exited with 1");
        // Two at once, as mail.parallel runs them: neither touches the process's
        // disposition of SIGPIPE, and each thread's mask is as it was.
        struct sigaction before {};
        ::sigaction(SIGPIPE, nullptr, &before);
        std::vector<std::jthread> threads;
        for (int i = 0; i < 2; ++i) {
            threads.emplace_back([&] { CHECK_FALSE(run_sendmail({deaf}, big).ok); });
        }
        threads.clear();
        struct sigaction disposition {};
        ::sigaction(SIGPIPE, nullptr, &disposition);
        CHECK((disposition.sa_handler == before.sa_handler));
        sigset_t mask;
        ::pthread_sigmask(SIG_SETMASK, nullptr, &mask);
        CHECK_FALSE(sigismember(&mask, SIGPIPE));
    }
    SUBCASE("a large message goes through whole") {
        const auto count = script("count", "wc -c > '" + (dir / "count").string() + "'");
        const std::string big(3 << 20, 'y');
        REQUIRE(run_sendmail({count}, big).ok);
        std::ifstream in(dir / "count");
        std::size_t bytes = 0;
        in >> bytes;
        CHECK(bytes == big.size());
    }
    SUBCASE("a program that cannot be run") {
        const auto result = run_sendmail({(dir / "missing").string()}, message);
        CHECK_FALSE(result.ok);
        CHECK(result.error.find("cannot run") != std::string::npos);
        CHECK(result.error.find("No such file or directory") != std::string::npos);
    }
    SUBCASE("a program that hangs is stopped at the deadline") {
        const auto hang = script("hang", "cat > /dev/null; exec sleep 30");
        const auto result = run_sendmail({hang}, message, std::chrono::seconds{1});
        CHECK_FALSE(result.ok);
        CHECK(result.error.find("did not finish within 1 s") != std::string::npos);
    }
    SUBCASE("a daemon left holding stderr does not make tkt wait") {
        const auto fork = script("fork", "cat > /dev/null; (sleep 30 &) ; exit 0");
        const auto started = std::chrono::steady_clock::now();
        CHECK(run_sendmail({fork}, message, std::chrono::seconds{20}).ok);
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds{10});
    }
    SUBCASE("no program configured") {
        CHECK_FALSE(run_sendmail({}, message).ok);
    }
}

TEST_CASE("outgoing::content_type_for") {
    SUBCASE("a document") {
        CHECK(content_type_for("setup.pdf") == "application/pdf");
    }
    SUBCASE("any case") {
        CHECK(content_type_for("Photo.JPG") == "image/jpeg");
    }
    SUBCASE("the last extension") {
        CHECK(content_type_for("logs.tar.gz") == "application/gzip");
    }
    SUBCASE("unknown") {
        CHECK(content_type_for("data.bin") == "application/octet-stream");
    }
    SUBCASE("no extension") {
        CHECK(content_type_for("README") == "application/octet-stream");
    }
    SUBCASE("a dot file") {
        CHECK(content_type_for(".pdf") == "application/octet-stream");
    }
    SUBCASE("mail is a file, not an attached message") {
        CHECK(content_type_for("original.eml") == "application/octet-stream");
    }
}
