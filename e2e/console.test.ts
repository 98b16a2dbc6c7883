// The browser console in headless Chromium (Debian's chromium driven by playwright-core) against the real
// mesh: a real WAV from the speech evaluation set in, the analysis with its errors highlighted out.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { chromium, type Browser, type Page } from "playwright-core";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root } from "./mesh.ts";
import { userToken } from "./tokens.ts";

const mesh = inject("mesh");
const run = promisify(execFile);
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(root, "test-artifacts");
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const canRun = existsSync(CHROMIUM) && spawnSync("espeak-ng", ["--version"]).status === 0;

/** evalSetWav makes "the wed wabbit" with the speech evaluation set: both /r/ of "the red rabbit" glided. */
async function evalSetWav(dir: string): Promise<string> {
  const script = "import sys; from pathlib import Path; from brain.speech.evalset import ADULT_PITCH, ADULT_VOICE, EvalSet; "
    + "print(EvalSet(Path(sys.argv[1])).said('the wed wabbit', voice=ADULT_VOICE, pitch=ADULT_PITCH))";
  const { stdout } = await run(join(root, ".venv/bin/python"), ["-c", script, dir], { env: { ...process.env, PYTHONPATH: join(root, "backend") } });
  return stdout.trim();
}

async function signIn(page: Page, token: string) {
  await page.getByLabel("Access token (JWT)").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function analyze(page: Page, wav: string) {
  await page.getByLabel("Recording (WAV)").setInputFiles(wav);
  await page.getByLabel("Target words").fill("the red rabbit");
  await page.getByLabel("Child's age (months, 24 to 216)").fill("48");
  await page.getByRole("button", { name: "Analyze speech" }).click();
}

describe.skipIf(!canRun)("the browser console", () => {
  let browser: Browser;
  let dir: string;
  let wav: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "aivo-console-e2e-"));
    mkdirSync(ARTIFACTS, { recursive: true });
    [browser, wav] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS }),
      evalSetWav(dir),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("analyzes an uploaded WAV and highlights the gliding of /r/", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(mesh.consoleUrl);
    await signIn(page, await userToken(mesh.jwtSecret, { tenantId: "tenant-console" }));

    await analyze(page, wav);

    const errors = page.locator(".articulation-error");
    await expect.poll(() => errors.count(), { timeout: 20_000 }).toBe(2);
    expect(await errors.allInnerTexts()).toEqual([expect.stringMatching(/^red: \/R\/ said as \/W\/ — gliding/), expect.stringMatching(/^rabbit: \/R\/ said as \/W\/ — gliding/)]);
    expect(await page.locator(".phoneme.wrong").allInnerTexts()).toEqual(["R", "R"]);
    expect(await page.locator(".chart .mark.error").count()).toBe(2);
    expect(await page.locator(".chart .contour").count()).toBeGreaterThan(0);
    expect(await page.locator(".phonemes").innerText()).toContain("PCC 66.7 % (4 of 6 consonants correct)");
    await page.screenshot({ path: join(ARTIFACTS, "console-speech.png"), fullPage: true });
    await page.close();
  });

  it("records from the microphone, encodes the take as WAV and analyzes it", async () => {
    // Chromium's fake capture device stands in for a microphone: it plays a beep, granted without a prompt.
    const withMicrophone = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...LAUNCH_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
    });
    try {
      const page = await withMicrophone.newPage();
      await page.goto(mesh.consoleUrl);
      await signIn(page, await userToken(mesh.jwtSecret, { tenantId: "tenant-console" }));
      const record = page.getByRole("button", { name: "Record from microphone" });

      await record.click();
      await page.getByText("Recording…").waitFor();
      await page.waitForTimeout(1_500);
      await page.getByRole("button", { name: "Stop recording" }).click();
      await page.getByText(/^Recorded \d+\.\d s/).waitFor({ timeout: 10_000 });
      await page.getByRole("button", { name: "Analyze speech" }).click();

      await page.locator(".analysis .chart").first().waitFor({ timeout: 20_000 });
      expect(await page.locator(".facts").innerText()).toContain("Recording");
    } finally {
      await withMicrophone.close();
    }
  });

  it("fits a phone's width without scrolling sideways", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(mesh.consoleUrl);
    await signIn(page, await userToken(mesh.jwtSecret, { tenantId: "tenant-console" }));

    await analyze(page, wav);

    await page.locator(".articulation-error").first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, "console-speech-phone.png"), fullPage: true });
    await page.close();
  });

  it("signs in and analyzes by keyboard alone", async () => {
    const page = await browser.newPage();
    await page.goto(mesh.consoleUrl);
    await page.getByLabel("Recording (WAV)").setInputFiles(wav);

    await page.getByLabel("Access token (JWT)").focus();
    await page.keyboard.type(await userToken(mesh.jwtSecret, { tenantId: "tenant-console" }));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Analyze speech" }).focus();
    await page.keyboard.press("Enter");

    await page.locator(".articulation-error").first().waitFor({ timeout: 20_000 });
    expect(await page.locator("#sign-in").isHidden()).toBe(true);
    await page.close();
  });

  it("shows a learner's focus timeline, recommended content with reasons and ability per skill over time", async () => {
    const token = await userToken(mesh.jwtSecret, { tenantId: "tenant-console", learnerId: "learner-console" });
    const brain = createClient(BrainService, createGrpcTransport({ baseUrl: mesh.gatewayUrl }));
    for (const [eventId, correct] of [["console-1", true], ["console-2", false]] as const) {
      await brain.recordOutcome({ eventId, skill: "math", itemId: "item-console", level: 50, correct }, { headers: { authorization: `Bearer ${token}` } });
    }
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(mesh.consoleUrl);
    await signIn(page, token);

    await page.getByRole("button", { name: "Show learner" }).click();

    await page.locator("#ability-panel tbody tr").first().waitFor({ timeout: 20_000 });
    expect(await page.locator("#focus-panel .lapses li").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining("idle"), expect.stringContaining("focus lost")]));
    expect(await page.locator("#focus-panel .bar.span").count()).toBeGreaterThan(0);
    expect(await page.locator("#recommend-panel li").first().innerText()).toMatch(/predicted success/);
    expect(await page.locator("#ability-panel tbody th").allInnerTexts()).toEqual(["math", "reading"]);
    expect(await page.locator("#ability-panel polyline.ability").count()).toBe(1);
    expect(await page.locator("#ability-panel svg.sparkline").getAttribute("aria-label")).toMatch(/^Ability in math after each of 2 answers, now -?\d/);
    await page.screenshot({ path: join(ARTIFACTS, "console-learner.png"), fullPage: true });
    await page.close();
  });

  it("names the field the mesh refused and keeps the other learner panels", async () => {
    const page = await browser.newPage();
    await page.goto(mesh.consoleUrl);
    await signIn(page, await userToken(mesh.jwtSecret, { tenantId: "tenant-console", learnerId: "learner-console" }));
    await page.getByLabel("Session log (FocusSession JSON)").fill(JSON.stringify({ childAgeMonths: 12, events: [] }));

    await page.getByRole("button", { name: "Show learner" }).click();

    const refusal = page.locator("#focus-panel").locator("xpath=..").getByRole("alert");
    await expect.poll(() => refusal.innerText(), { timeout: 20_000 }).toMatch(/^The mesh could not use this input: .*child_age_months/);
    await page.locator("#recommend-panel li").first().waitFor({ timeout: 20_000 });
    await page.close();
  });

  it("asks to sign in again when the session has expired, and works once signed in", async () => {
    const context = await browser.newContext();
    const expired = await userToken(mesh.jwtSecret, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    await context.addCookies([
      { name: "aivo_session", value: expired, url: mesh.consoleUrl },
      { name: "aivo_csrf", value: "csrf-token-of-the-test", url: mesh.consoleUrl },
    ]);
    const page = await context.newPage();
    await page.goto(mesh.consoleUrl);

    await analyze(page, wav);

    const message = page.getByRole("alert").filter({ hasText: "expired" });
    await message.waitFor({ timeout: 20_000 });
    expect(await message.innerText()).toContain("Please sign in again");
    expect(await page.locator("#sign-in").isVisible()).toBe(true);
    await signIn(page, await userToken(mesh.jwtSecret, { tenantId: "tenant-console" }));
    await page.getByRole("button", { name: "Analyze speech" }).click();
    await page.locator(".articulation-error").first().waitFor({ timeout: 20_000 });
    await context.close();
  });
});
