// Recordings in the browser: any file or microphone take becomes 16 kHz mono samples, which the page
// draws and sends as a WAV.
import { encodeWav, mixToMono } from "./wav.ts";

/** SAMPLE_RATE_HZ is what the recogniser works at; the browser resamples to it while decoding. */
const SAMPLE_RATE_HZ = 16_000;

export interface Recording {
  samples: Float32Array;
  sampleRateHz: number;
  wav: Uint8Array;
}

/** decodeRecording decodes audio bytes of any format the browser reads. */
export async function decodeRecording(bytes: ArrayBuffer): Promise<Recording> {
  const context = new OfflineAudioContext(1, 1, SAMPLE_RATE_HZ);
  const buffer = await context.decodeAudioData(bytes);
  const samples = mixToMono(Array.from({ length: buffer.numberOfChannels }, (_, i) => buffer.getChannelData(i)));
  return { samples, sampleRateHz: buffer.sampleRate, wav: encodeWav(samples, buffer.sampleRate) };
}

/** Microphone records until stop() and then gives the take as a Recording. */
export interface Microphone {
  stop(): Promise<Recording>;
}

export async function startMicrophone(): Promise<Microphone> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.addEventListener("dataavailable", (event) => chunks.push(event.data));
  const stopped = new Promise<void>((resolve) => recorder.addEventListener("stop", () => resolve()));
  recorder.start();
  return {
    async stop() {
      recorder.stop();
      await stopped;
      stream.getTracks().forEach((track) => track.stop());
      return decodeRecording(await new Blob(chunks, { type: recorder.mimeType }).arrayBuffer());
    },
  };
}
