tkt reply --attach FILE (repeatable) and a template's attachments send files with a
reply as MIME parts after its text; they are recorded with the reply, listed by show,
and saved again byte for byte by tkt attachment.

  $ . "$TESTDIR/setup.sh"
  $ mkdir -p config/templates sent
  $ cat > config/config.toml <<'TOML'
  > [agent]
  > login = "anna"
  > full_name = "Anna Smirnova"
  > email = "anna@example.com"
  > [mail]
  > from = "Example Support <support@example.com>"
  > sendmail = ["./sendmail", "-t", "-i"]
  > TOML
  $ cat > sendmail <<'SH'
  > #!/bin/sh
  > n=$(ls sent | wc -l); cat > "sent/$n.eml"
  > SH
  $ chmod +x sendmail
  $ tkt new --from 'Ivan Petrov <ivan@example.ru>' --subject 'Printer setup' --body 'How do I set it up?'
  1
  $ head -c 3000 /dev/urandom > random.bin
  $ printf 'line one\r\nline two\n' > 'настройка принтера.txt'

A dry run lists the files after the text; nothing is recorded.

  $ tkt reply 1 --message 'Both files attached.' --attach random.bin --attach 'настройка принтера.txt' --dry-run
  Hello Ivan,
  
  Both files attached.
  
  Best regards,
  Anna Smirnova
  anna@example.com
  [attachment: random.bin (application/octet-stream, 3000 bytes)]
  [attachment: настройка принтера.txt (text/plain, 19 bytes)]
  $ sql 'SELECT count(*) FROM attachments'
  0

Sent, the message is multipart/mixed: the text first, then each file in base64, its
name RFC 2231-encoded when not ASCII.

  $ tkt reply 1 --message 'Both files attached.' --attach random.bin --attach 'настройка принтера.txt' --send
  sent reply on ticket 1 to ivan@example.ru
  $ grep -i -E '^content-(type|disposition|transfer)|filename|^ ' sent/0.eml | grep -v boundary
  Content-Type: text/plain; charset=utf-8
  Content-Type: application/octet-stream; name=random.bin
  Content-Transfer-Encoding: base64
  Content-Disposition: attachment; filename=random.bin
  Content-Type: text/plain;
  Content-Transfer-Encoding: base64
  Content-Disposition: attachment;
  	filename*0*=UTF-8''%D0%BD%D0%B0%D1%81%D1%82%D1%80%D0%BE%D0%B9%D0%BA%D0%B0%20;
  	filename*1*=%D0%BF%D1%80%D0%B8%D0%BD%D1%82%D0%B5%D1%80%D0%B0.txt
  $ tkt show 1 | grep -F '[attachment'
  [attachment 1: random.bin (application/octet-stream, 3000 bytes)]
  [attachment 2: настройка принтера.txt (text/plain, 19 bytes)]
  $ tkt attachment 1
  N  NAME                    TYPE                      SIZE
  1  random.bin              application/octet-stream  3000
  2  настройка принтера.txt  text/plain                19

Python's email module reads the files back from what sendmail got, byte for byte.

  $ python3 - sent/0.eml <<'PY'
  > import email, email.policy, hashlib, sys
  > message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
  > print(message.get_body(("plain",)).get_content().rstrip())
  > for part in message.iter_attachments():
  >     data = part.get_content() if part.get_content_maintype() != "text" else part.get_payload(decode=True)
  >     print(part.get_filename(), part.get_content_type(), data == open(part.get_filename(), "rb").read())
  > PY
  Hello Ivan,
  
  Both files attached.
  
  Best regards,
  Anna Smirnova
  anna@example.com
  random.bin application/octet-stream True
  настройка принтера.txt text/plain True

So does tkt: the sent message, taken in by another desk (without the loop header
that makes a desk drop its own mail), records the same files; and tkt attachment
saves them again from the reply as it was recorded.

  $ other=$(new_database other)
  $ grep -v '^X-Tkt-Loop:' sent/0.eml | TKT_DB=$other TKT_CONFIG=$PWD/other-config tkt new --email
  1
  $ TKT_DB=$other TKT_CONFIG=$PWD/other-config tkt attachment 1
  N  NAME                    TYPE                      SIZE
  1  random.bin              application/octet-stream  3000
  2  настройка принтера.txt  text/plain                19
  $ sql "SELECT sha256 FROM attachments ORDER BY id" > ours
  $ TKT_DB=$other TKT_CONFIG=$PWD/other-config tkt show 1 --json | grep sha256 | cut -d'"' -f4 | diff - ours && echo same
  same
  $ tkt attachment 1 1 -o back.bin && cmp back.bin random.bin && echo same
  saved attachment 1 of ticket 1 to 'back.bin' (3000 bytes)
  same
  $ tkt attachment 1 2 | cmp - 'настройка принтера.txt' && echo same
  same

A template names its files in attachments = [...], beside it: under [template] for
every language, under [lang.xx] for that language only.

  $ printf '%%PDF-1.4 en\n' > config/templates/setup-en.pdf
  $ printf '%%PDF-1.4 ru\n' > config/templates/setup-ru.pdf
  $ printf 'PK\003\004' > config/templates/drivers.zip
  $ cat > config/templates/setup.toml <<'TOML'
  > [template]
  > description = "How to set the printer up"
  > category = "info"
  > attachments = ["drivers.zip"]
  > [lang.en]
  > subject = "Re: {{ticket.subject}}"
  > attachments = ["setup-en.pdf"]
  > body = '''
  > {{> greeting}}
  > 
  > The instructions are attached.
  > 
  > {{> signature}}
  > '''
  > [lang.ru]
  > subject = "Re: {{ticket.subject}}"
  > attachments = ["setup-ru.pdf"]
  > body = '''
  > {{> greeting}}
  > 
  > Инструкция во вложении.
  > 
  > {{> signature}}
  > '''
  > TOML
  $ tkt template render setup --ticket 1 --lang ru | tail -2
  [attachment: drivers.zip (application/zip, 4 bytes)]
  [attachment: setup-ru.pdf (application/pdf, 12 bytes)]
  $ tkt new --from bob@example.com --subject 'Printer' --body 'Setup?' >/dev/null
  $ tkt new --from 'Пётр <petr@example.ru>' --subject 'Принтер' --body 'Как его настроить?' >/dev/null

A reply to many tickets sends each its files, in its customer's language.

  $ tkt reply --where '2-3' --template setup --send
  replied on ticket 2 to bob@example.com (new → open)
  replied on ticket 3 to Пётр <petr@example.ru> (new → open)
  sent reply on ticket 2 to bob@example.com
  sent reply on ticket 3 to petr@example.ru
  $ tkt show 2 | grep -F '[attachment'
  [attachment 1: drivers.zip (application/zip, 4 bytes)]
  [attachment 2: setup-en.pdf (application/pdf, 12 bytes)]
  $ tkt show 3 | grep -F '[attachment'
  [attachment 1: drivers.zip (application/zip, 4 bytes)]
  [attachment 2: setup-ru.pdf (application/pdf, 12 bytes)]
  $ grep -h -A1 'Content-Disposition' sent/1.eml sent/2.eml | grep -o 'filename=.*'
  filename=drivers.zip
  filename=setup-en.pdf
  filename=drivers.zip
  filename=setup-ru.pdf

Errors: a file that is not there (66) or too big (65), or files that would weigh over
256 MiB in all across the replies of one command, each reply carrying its own copy
(65), nothing recorded; files for a ticket answered by phone or chat (64); a template
that names a file outside its folder (78).

  $ tkt new --from '+44 20 7946 0958' --subject 'Call me' --body 'Phoned in.' --channel phone
  4
  $ for i in $(seq 11); do tkt new --from "client$i@example.com" --subject 'Outage' --body 'Down?' >/dev/null; done
  $ sql 'SELECT count(*) FROM messages' > before
  $ tkt reply 2 --message 'Here.' --attach missing.pdf --send
  tkt: cannot attach 'missing.pdf': no such file
  [66]
  $ tkt reply 2 --message 'Here.' --attach config --send
  tkt: cannot attach 'config': it is not a file
  [66]
  $ truncate -s 26M big.bin
  $ tkt reply 2 --message 'Here.' --attach big.bin --send
  tkt: the files of the reply weigh over 25 MiB together, more than mail servers take: send a link instead
  [65]
  $ truncate -s 24M large.bin
  $ tkt reply --where '5-15' --message 'The report is attached.' --attach large.bin --send
  tkt: the files of these 11 replies weigh 264 MiB in all, each reply carrying its own copy, over the 256 MiB tkt composes at once: send a link instead, or answer fewer tickets at a time
  [65]
  $ tkt reply --where '5-7' --message 'The report is attached.' --attach large.bin --dry-run | grep -c 'large.bin (application/octet-stream, 25165824 bytes)'
  3
  $ tkt reply 4 --message 'Here.' --attach random.bin
  tkt: ticket 4 is answered by phone, and files go by mail only: send 'random.bin' another way
  [64]
  $ sql 'SELECT count(*) FROM messages' | diff - before && echo nothing recorded
  nothing recorded
  $ sed -i 's|attachments = \["drivers.zip"\]|attachments = ["../config.toml"]|' config/templates/setup.toml
  $ tkt reply 2 --template setup --dry-run 2>&1 | sed "s|$PWD/||"
  tkt: config/templates/setup.toml:4:15: 'template.attachments' names '../config.toml': give a file in the template's folder, such as "instructions.pdf"
