package dev.relance.engine.sequence;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.NotFoundException;
import dev.relance.templates.stock.StockCadence;
import dev.relance.templates.stock.StockCadences;
import dev.relance.templates.stock.StockStep;

/**
 * The starter cadences shipped with Relance (English and French): a marketer copies one into a
 * DRAFT sequence of their own, edits it, then activates it. The stock itself never changes.
 */
@Service
public class StockSequences {

    private final SequenceService sequences;

    StockSequences(SequenceService sequences) {
        this.sequences = sequences;
    }

    public List<StockCadence> list() {
        return StockCadences.all();
    }

    /** Copies the stock cadence {@code key} in {@code locale} into a new DRAFT sequence owned by {@code createdBy}. */
    @Transactional
    public Sequence copy(String key, String locale, Long createdBy) {
        StockCadence stock = StockCadences.find(key, locale)
                .orElseThrow(() -> new NotFoundException("stock sequence", key + " (" + locale + ")"));
        List<StepDraft> steps = stock.steps().stream().map(StockSequences::step).toList();
        return sequences.create(new SequenceDraft(stock.name(), stock.description(), SequenceStatus.DRAFT, null, null, null,
                steps), createdBy);
    }

    private static StepDraft step(StockStep stock) {
        List<VariantDraft> variants = stock.isEmail()
                ? List.of(new VariantDraft(null, "A", 1, stock.subject(), null, stock.bodyText()))
                : List.of();
        return new StepDraft(null, StepType.valueOf(stock.type()),
                new Delay(stock.delayAmount(), DelayUnit.valueOf(stock.delayUnit())), ThreadMode.valueOf(stock.threadMode()),
                stock.note(), variants);
    }
}
