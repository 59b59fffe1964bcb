tkt attachment lists a ticket's attachments, numbered as tkt show lists them, and
saves one byte for byte: decoded from the raw message kept with it, checked against
the SHA-256 recorded when it came.

  $ . "$TESTDIR/setup.sh"
  $ r="$TKT_SHARED_DIR/corpora/ruby-mail/attachment_emails"
  $ tkt new --email < "$r/attachment_pdf.eml"
  1
  $ tkt attachment 1
  N  NAME        TYPE             SIZE
  1  broken.pdf  application/pdf  1026
  $ tkt show 1 | grep -F '[attachment'
  [attachment 1: broken.pdf (application/pdf, 1026 bytes)]

A real PDF from a multipart message comes out as Python's email module decodes it.

  $ tkt attachment 1 1 -o saved.pdf
  saved attachment 1 of ticket 1 to 'saved.pdf' (1026 bytes)
  $ python3 - "$r/attachment_pdf.eml" <<'PY'
  > import email, email.policy, hashlib, sys
  > message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
  > part = next(message.iter_attachments())
  > expected = part.get_content()
  > saved = open("saved.pdf", "rb").read()
  > print(part.get_filename(), len(expected), saved == expected, hashlib.sha256(saved).hexdigest())
  > PY
  broken.pdf 1026 True c7d1b9b20df8a2bf2f1e0d00d84bcb56d05e56a044be7f3616f6e99f4a18bd0d
  $ tkt show 1 --json | grep sha256
        "sha256": "c7d1b9b20df8a2bf2f1e0d00d84bcb56d05e56a044be7f3616f6e99f4a18bd0d"
  $ tkt attachment 1 1 | cmp - saved.pdf && echo same
  same

-o never replaces a file unless told to, and writes whole or not at all.

  $ echo mine > taken.pdf
  $ tkt attachment 1 1 -o taken.pdf
  tkt: 'taken.pdf' exists: give --force to replace it
  [73]
  $ cat taken.pdf
  mine
  $ tkt attachment 1 1 -o taken.pdf --force
  saved attachment 1 of ticket 1 to 'taken.pdf' (1026 bytes)
  $ cmp taken.pdf saved.pdf && echo same
  same
  $ tkt attachment 1 1 -o missing/folder/x.pdf
  tkt: cannot write 'missing/folder/x.pdf': No such file or directory
  [73]
  $ ls -A | grep '^\.' | grep -v '^\.transcript'
  [1]

Into a folder, a file keeps its own name, made safe: a name from the mail never
chooses where the file goes.

  $ sed 's/^Message-Id: <9169D984/Message-Id: <other/' "$r/attachment_nonascii_filename.eml" | tkt new --email
  2
  $ mkdir out
  $ tkt attachment 2 1 -o out
  saved attachment 1 of ticket 2 to 'out/ciële.txt' (11 bytes)
  $ od -c out/ciële.txt
  0000000   H   i       t   h   e   r   e   .  \r  \n
  0000013
  $ cat > hostile.eml <<'MAIL'
  > From: mallory@example.com
  > Subject: look
  > Message-ID: <hostile@example.com>
  > Content-Type: multipart/mixed; boundary=b
  > 
  > --b
  > Content-Type: text/plain
  > 
  > see attached
  > --b
  > Content-Type: application/octet-stream
  > Content-Disposition: attachment; filename="../../.bashrc"
  > Content-Transfer-Encoding: base64
  > 
  > AAEC/w==
  > --b
  > Content-Type: application/octet-stream
  > Content-Disposition: attachment; filename=".."
  > Content-Transfer-Encoding: base64
  > 
  > AAEC/w==
  > --b--
  > MAIL
  $ tkt new --email < hostile.eml
  3
  $ tkt attachment 3 1 -o out
  saved attachment 1 of ticket 3 to 'out/bashrc' (4 bytes)
  $ tkt attachment 3 2 -o out
  saved attachment 2 of ticket 3 to 'out/attachment-2' (4 bytes)
  $ ls -A out
  attachment-2
  bashrc
  ciële.txt
  $ od -An -tx1 out/bashrc
   00 01 02 ff

Attachments of a ticket merged into another are the survivor's too, numbered in the
order of the conversation.

  $ tkt new --subject 'by phone' --from foo@example.com --body 'called about it'
  4
  $ tkt attachment 4
  tkt: ticket 4 has no attachments
  [1]
  $ tkt merge 2 --into 4 >/dev/null
  $ tkt attachment 4
  N  NAME       TYPE        SIZE
  1  ciële.txt  text/plain  11
  $ tkt attachment 4 1 | od -c
  0000000   H   i       t   h   e   r   e   .  \r  \n
  0000013

Errors: no ticket, no such attachment (saying how many there are), a number that is
none, an option without a number.

  $ tkt attachment 9
  tkt: no ticket 9
  [1]
  $ tkt attachment 1 2
  tkt: no attachment 2 on ticket 1: it has 1 attachment
  [1]
  $ tkt attachment 3 7
  tkt: no attachment 7 on ticket 3: it has 2 attachments
  [1]
  $ tkt attachment 1 0
  tkt: attachment number '0': give the N that 'tkt attachment ID' lists
  [64]
  $ tkt attachment 1 first
  tkt: attachment number 'first': give the N that 'tkt attachment ID' lists
  [64]
  $ tkt attachment 1 -o x.pdf
  tkt: -o and --force save one attachment: give its number N (see 'tkt help attachment')
  [64]

An attached message is recorded without bytes of its own: nothing to save. (This one
forwards the PDF's message, so it joins ticket 1.)

  $ sed 's/^Message-Id: <9169D984/Message-Id: <forwarded/' "$r/attachment_message_rfc822.eml" | tkt new --email
  1
  $ tkt attachment 1
  N  NAME         TYPE             SIZE
  1  broken.pdf   application/pdf  1026
  2  Another PDF  message/rfc822   0
  $ tkt attachment 1 2 -o fwd.eml
  tkt: attachment 2 of ticket 1 is an attached message, recorded without its bytes: nothing to save
  [65]
  $ test -e fwd.eml || echo none
  none

Bytes that no longer match the recorded SHA-256 are refused, and nothing is written;
so is an attachment whose message was not kept.

  $ sql "UPDATE attachments SET sha256 = 'feed' || substr(sha256, 5) WHERE filename = 'broken.pdf'"
  $ tkt attachment 1 1 -o changed.pdf
  tkt: attachment 1 of ticket 1 does not match the SHA-256 recorded for it: nothing written
  [65]
  $ tkt attachment 1 1 > changed.pdf
  tkt: attachment 1 of ticket 1 does not match the SHA-256 recorded for it: nothing written
  [65]
  $ test -s changed.pdf || echo empty
  empty
  $ sql "UPDATE messages SET raw = NULL WHERE ticket_id = 3"
  $ tkt attachment 3 1 -o gone
  tkt: attachment 1 of ticket 3: the message it came with is not kept
  [66]
