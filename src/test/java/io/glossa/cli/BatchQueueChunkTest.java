package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many lines go in one POST via the queue: paced batches must not arrive as bursts (docs/pipeline.md, "The pace").
 */
class BatchQueueChunkTest {
    private static BatchCommand command(double rate, int chunk, int window) {
        BatchCommand command = new BatchCommand();
        command.rate = rate;
        command.chunk = chunk;
        command.window = window;
        command.pace = BatchCommand.Pace.fixed;
        return command;
    }

    @Test
    void aRateSendsAboutTenChunksASecond() {
        assertThat(command(200, 500, 2000).queueChunk()).isEqualTo(20);
        assertThat(command(100, 500, 2000).queueChunk()).isEqualTo(10);
        assertThat(command(5, 500, 2000).queueChunk()).isEqualTo(1);
        assertThat(command(25, 500, 2000).queueChunk()).isEqualTo(3);
    }

    @Test
    void theAdaptivePaceSendsSmallChunks() {
        BatchCommand command = command(0, 500, 2000);
        command.pace = BatchCommand.Pace.adaptive;
        assertThat(command.queueChunk()).isEqualTo(BatchCommand.ADAPTIVE_CHUNK);
        command.window = 10;
        assertThat(command.queueChunk()).isEqualTo(10);
    }

    @Test
    void chunkAndWindowStillCap() {
        assertThat(command(100_000, 500, 2000).queueChunk()).isEqualTo(500);
        assertThat(command(100_000, 500, 300).queueChunk()).isEqualTo(300);
        assertThat(command(0, 500, 2000).queueChunk())
                .as("no rate: whole chunks")
                .isEqualTo(500);
    }
}
