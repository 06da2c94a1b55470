#!/usr/bin/env bash
# Writes the patterns in this folder with `ebmatch genesys pattern`. A test runs these same command
# lines and checks that the files are what the generator prints, byte for byte; each pattern's
# *.suite.json lists the sample events it must match (`ebmatch test patterns/` checks them).
# Run from anywhere: bash patterns/genesys/generated/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")"
ebmatch=${EBMATCH:-"swift run --package-path ../../.. -q ebmatch"}

# Queues of the samples: A ee2d4ca2-…, B d73ee57a-…; the samples' org a3ce3473-…, integration ccx-events.
$ebmatch genesys pattern --topic acd.end --queue ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54 > acd-end-queue-a.json
$ebmatch genesys pattern --topic acd.end --topic user.end --topic acw --queue ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54 --queue d73ee57a-569f-4cd6-9865-491f13a9557e > ends-on-queue-a-or-b.json
$ebmatch genesys pattern --topic acd.end --exclude-queue ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54 --media VOICE > acd-end-voice-except-queue-a.json
$ebmatch genesys pattern --topic queue.conversations --queue ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54 > queue-a-conversations.json
$ebmatch genesys pattern --topic acd.end --topic queue.conversations --queue d73ee57a-569f-4cd6-9865-491f13a9557e > acd-end-or-conversations-queue-b.json
$ebmatch genesys pattern --topic customer.end --media VOICE --org a3ce3473-7c0b-4695-9d24-b15eb713256f --suffix ccx-events > customer-end-voice-one-integration.json
$ebmatch genesys pattern --topic acw --media MESSAGE --direction INBOUND > acw-inbound-messaging.json
